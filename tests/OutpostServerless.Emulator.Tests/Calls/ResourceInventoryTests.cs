using OutpostServerless.Aws.Iam;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Calls;

/// <summary><see cref="EmulatedCloud.Resources"/>: what a leak check compares, tagged or not.</summary>
public sealed class ResourceInventoryTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public async Task Resources_lists_what_was_made_tagged_or_not()
    {
        var vpc = await _world.VpcAsync();
        await _world.Aws.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = "untagged", AssumeRolePolicyDocument = TestWorld.Ec2TrustPolicy });

        var resources = _world.Cloud.Resources();

        Assert.Equal([("vpc", vpc), ("role", "untagged")], resources.Select(r => (r.Type, r.Id)));
    }

    [Fact]
    public async Task A_VPCs_default_security_group_is_EC2s_own_and_is_not_listed()
    {
        var vpc = await _world.VpcAsync();
        var group = await _world.SecurityGroupAsync(vpc);

        var groups = _world.Cloud.Resources().Where(r => r.Type == "security-group").Select(r => r.Id);

        Assert.Equal([group], groups);
    }
}
