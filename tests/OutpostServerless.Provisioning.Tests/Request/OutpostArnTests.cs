using OutpostServerless.Provisioning.Request;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Request;

public sealed class OutpostArnTests
{
    [Theory]
    [InlineData("arn:aws:outposts:us-west-2:123456789012:outpost/op-0123456789abcdef0", "aws", "us-west-2", "123456789012", "op-0123456789abcdef0")]
    [InlineData("arn:aws-us-gov:outposts:us-gov-west-1:210987654321:outpost/op-fedcba98765432100", "aws-us-gov", "us-gov-west-1", "210987654321", "op-fedcba98765432100")]
    [InlineData("arn:aws-cn:outposts:cn-north-1:111122223333:outpost/op-00000000000000000", "aws-cn", "cn-north-1", "111122223333", "op-00000000000000000")]
    public void An_Outpost_ARN_yields_its_partition_Region_account_and_id(string text, string partition, string region, string account, string id)
    {
        Assert.True(OutpostArn.TryParse(text, out var arn, out _));
        Assert.Equal(new OutpostArn(partition, region, account, id), arn);
        Assert.Equal(text, arn.ToString());
    }

    [Theory]
    [InlineData("", "six")]
    [InlineData("op-0123456789abcdef0", "six")]
    [InlineData("urn:aws:outposts:us-west-2:123456789012:outpost/op-0123456789abcdef0", "arn:")]
    [InlineData("arn:gcp:outposts:us-west-2:123456789012:outpost/op-0123456789abcdef0", "partition")]
    [InlineData("arn:aws:ec2:us-west-2:123456789012:outpost/op-0123456789abcdef0", "service")]
    [InlineData("arn:aws:outposts:US-WEST-2:123456789012:outpost/op-0123456789abcdef0", "Region")]
    [InlineData("arn:aws:outposts:us-west-2:12345678901:outpost/op-0123456789abcdef0", "12 digits")]
    [InlineData("arn:aws:outposts:us-west-2:123456789012:site/os-0123456789abcdef0", "outpost/op-")]
    [InlineData("arn:aws:outposts:us-west-2:123456789012:outpost/op-0123456789abcdef", "outpost/op-")]
    [InlineData("arn:aws:outposts:us-west-2:123456789012:outpost/op-0123456789abcdef0\n", "outpost/op-")]
    public void A_malformed_ARN_is_refused_saying_which_part_is_wrong(string text, string mentioned)
    {
        Assert.False(OutpostArn.TryParse(text, out var arn, out var problem));
        Assert.Null(arn);
        Assert.Contains(mentioned, problem, StringComparison.Ordinal);
    }
}
