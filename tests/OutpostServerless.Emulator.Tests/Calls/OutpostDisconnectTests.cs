using Amazon.EC2.Model;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Calls;

/// <summary>
/// While an Outpost is disconnected from its Region, mutating requests on its instances fail (AWS's
/// Outposts high-availability guidance), and its instances keep running (ConnectedStatus reading 0 is in the CloudWatch tests).
/// </summary>
public sealed class OutpostDisconnectTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public async Task Terminating_an_instance_of_a_disconnected_Outpost_fails_ServiceUnavailable_and_it_keeps_running()
    {
        var (_, instanceIds, _) = await _world.RegisteredClusterAsync();
        _world.Cloud.SetConnected(false);

        var error = await AwsAssert.Ec2ErrorAsync("ServiceUnavailable",
            () => _world.Aws.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [.. instanceIds] }));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
        var described = await _world.Aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [.. instanceIds] });
        Assert.All(described.Reservations.SelectMany(r => r.Instances), i => Assert.Equal("running", i.State.Name.Value));
    }

    [Fact]
    public async Task Once_the_Outpost_reconnects_its_instances_can_be_terminated()
    {
        var (_, instanceIds, _) = await _world.RegisteredClusterAsync();
        _world.Cloud.SetConnected(false);
        _world.Cloud.SetConnected(true, TestWorld.Start.AddHours(1));
        _world.Advance(TimeSpan.FromHours(1));

        var terminated = await _world.Aws.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [.. instanceIds] });

        Assert.All(terminated.TerminatingInstances, change => Assert.Equal("shutting-down", change.CurrentState.Name.Value));
    }

    [Fact]
    public async Task Nothing_launches_on_a_disconnected_Outpost()
    {
        var vpc = await _world.VpcAsync();
        var subnet = await _world.OutpostSubnetAsync(vpc);
        _world.Cloud.SetConnected(false);

        await AwsAssert.Ec2ErrorAsync("InsufficientInstanceCapacity", () => _world.LaunchAsync(subnet));
    }
}
