using OutpostServerless.Provisioning.Request;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Request;

public sealed class ResourceNamesTests
{
    [Theory]
    [InlineData("storefront-web", true)]
    [InlineData("a", true)]
    [InlineData("Nightly_Run-7", true)]
    [InlineData("3f2b7c9e-1d4a-4e4b-9a57-0c7d8e9f0a1b", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("dots.not.allowed", false)]
    [InlineData("sg-looks-like-a-group", false)]
    [InlineData("trailing-newline\n", false)]
    [InlineData("ünïcode", false)]
    public void A_provisioning_id_is_1_to_64_of_letters_digits_hyphens_and_underscores(string id, bool valid)
    {
        Assert.Equal(valid, ResourceNames.IsProvisioningId(id));
    }

    [Fact]
    public void A_provisioning_id_of_65_characters_is_too_long()
    {
        Assert.True(ResourceNames.IsProvisioningId(new string('a', 64)));
        Assert.False(ResourceNames.IsProvisioningId(new string('a', 65)));
    }

    [Fact]
    public void A_short_id_gets_the_plain_role_name()
    {
        Assert.Equal("shop-ecs-instance", ResourceNames.InstanceRoleName("shop"));
    }

    [Fact]
    public void Long_ids_sharing_a_prefix_get_different_role_names_within_64_characters()
    {
        var first = ResourceNames.InstanceRoleName(new string('x', 60) + "-one");
        var second = ResourceNames.InstanceRoleName(new string('x', 60) + "-two");

        Assert.NotEqual(first, second);
        Assert.All([first, second], name => Assert.True(ResourceNames.IsIamRoleName(name), name));
    }

    [Fact]
    public void A_derived_role_name_is_the_same_on_every_attempt()
    {
        var id = new string('y', 64);

        Assert.Equal(ResourceNames.InstanceRoleName(id), ResourceNames.InstanceRoleName(id));
    }

    [Theory]
    [InlineData("ecsInstanceRole", true)]
    [InlineData("role+=,.@_-", true)]
    [InlineData("role/with/path", false)]
    [InlineData("role name", false)]
    public void A_role_name_uses_the_characters_IAM_accepts(string name, bool valid)
    {
        Assert.Equal(valid, ResourceNames.IsIamRoleName(name));
    }
}
