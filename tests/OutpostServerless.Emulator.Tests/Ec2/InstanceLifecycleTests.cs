using Amazon.EC2;
using Amazon.EC2.Model;
using OutpostServerless.Aws.Ec2;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Ec2;

public sealed class InstanceLifecycleTests
{
    private readonly TestWorld _world = new();

    private async Task<string> LaunchOneAsync(Dictionary<string, string>? tags = null, string? clientToken = null)
    {
        var subnet = await _world.OutpostSubnetAsync(await _world.VpcAsync());
        var response = await _world.LaunchAsync(subnet, tags: tags, clientToken: clientToken);
        return response.Reservation.Instances[0].InstanceId;
    }

    private async Task<Instance> DescribeAsync(string instanceId)
    {
        var response = await _world.Aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] });
        return response.Reservations.Single().Instances.Single();
    }

    [Fact]
    public async Task An_instance_is_running_once_it_has_booted()
    {
        var id = await LaunchOneAsync();

        _world.Advance(_world.Cloud.Options.Timings.InstanceBoot);

        Assert.Equal(InstanceStateName.Running, (await DescribeAsync(id)).State.Name);
    }

    [Fact]
    public async Task TerminateInstances_reports_shutting_down_and_frees_the_Outpost_slot_at_once()
    {
        var id = await LaunchOneAsync();
        var freeWhileRunning = _world.Cloud.FreeSlots("c5.large");

        var response = await _world.Aws.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });

        Assert.Equal(InstanceStateName.ShuttingDown, response.TerminatingInstances[0].CurrentState.Name);
        Assert.Equal(InstanceStateName.Pending, response.TerminatingInstances[0].PreviousState.Name);
        Assert.Equal(freeWhileRunning + 1, _world.Cloud.FreeSlots("c5.large"));
    }

    [Fact]
    public async Task A_terminated_instance_stays_visible_and_filterable_by_state()
    {
        var id = await LaunchOneAsync();
        await _world.Aws.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });
        _world.Advance(TimeSpan.FromMinutes(10));

        var terminated = await _world.Aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter("instance-state-name", ["terminated"])] });
        var live = await _world.Aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter("instance-state-name", ["pending", "running"])] });

        Assert.Equal([id], terminated.Reservations.SelectMany(r => r.Instances).Select(i => i.InstanceId));
        Assert.Null(live.Reservations);
    }

    [Fact]
    public async Task TerminateInstances_of_an_unknown_instance_fails_InvalidInstanceID_NotFound() =>
        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidInstanceIdNotFound,
            () => _world.Aws.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = ["i-0123456789abcdef0"] }));

    [Fact]
    public async Task DescribeInstances_filters_by_tag()
    {
        var tagged = await LaunchOneAsync(tags: new() { ["outpost-serverless:provisioning-id"] = "p-1" });
        await _world.LaunchAsync((await DescribeAsync(tagged)).SubnetId, tags: new() { ["outpost-serverless:provisioning-id"] = "p-2" });

        var response = await _world.Aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter("tag:outpost-serverless:provisioning-id", ["p-1"])] });

        Assert.Equal([tagged], response.Reservations.SelectMany(r => r.Instances).Select(i => i.InstanceId));
    }

    [Fact]
    public async Task DescribeInstances_filters_by_client_token_and_outpost_arn()
    {
        var id = await LaunchOneAsync(clientToken: "prov-7");

        var response = await _world.Aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest
        {
            Filters = [new Filter("client-token", ["prov-7"]), new Filter("outpost-arn", [_world.Cloud.DefaultOutpostArn])],
        });

        Assert.Equal([id], response.Reservations.SelectMany(r => r.Instances).Select(i => i.InstanceId));
    }

    [Fact]
    public async Task DescribeInstances_with_an_unknown_id_fails_InvalidInstanceID_NotFound() =>
        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidInstanceIdNotFound,
            () => _world.Aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-0123456789abcdef0"] }));

    [Fact]
    public async Task DescribeInstances_with_a_malformed_id_fails_InvalidInstanceID_Malformed() =>
        await AwsAssert.Ec2ErrorAsync("InvalidInstanceID.Malformed",
            () => _world.Aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["instance-1"] }));
}
