using OutpostServerless.Provisioning.Steps;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

public sealed class ClientTokenTests
{
    [Fact]
    public void Same_inputs_give_the_same_token()
    {
        Assert.Equal(ClientToken.For("prov-1", "launch", 0, 64), ClientToken.For("prov-1", "launch", 0, 64));
    }

    [Fact]
    public void A_different_ordinal_gives_a_different_token()
    {
        Assert.NotEqual(ClientToken.For("prov-1", "launch", 0, 64), ClientToken.For("prov-1", "launch", 1, 64));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(36)]
    public void Long_provisioning_ids_still_give_tokens_within_the_limit_in_ascii_33_to_126(int maxLength)
    {
        var token = ClientToken.For(new string('p', 80) + "-é", "service", 0, maxLength);

        Assert.InRange(token.Length, 1, maxLength);
        Assert.All(token, c => Assert.InRange(c, '!', '~'));
    }

    [Fact]
    public void Two_executions_of_one_provisioning_get_different_tokens()
    {
        Assert.NotEqual(ClientToken.For("prov-1@2026-01-05T09:00:00.000Z", "launch", 0, 64), ClientToken.For("prov-1@2026-01-05T10:00:00.000Z", "launch", 0, 64));
    }
}
