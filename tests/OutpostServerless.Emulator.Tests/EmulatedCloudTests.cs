using Amazon.EC2.Model;
using Microsoft.Extensions.Time.Testing;
using OutpostServerless.Aws.Ec2;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Emulator.Calls;
using Xunit;

namespace OutpostServerless.Emulator.Tests;

public sealed class EmulatedCloudTests
{
    private const string ProvisioningId = "outpost-serverless:provisioning-id";

    private readonly TestWorld _world = new();

    [Fact]
    public void The_default_world_has_the_default_Outpost_with_plenty_of_capacity()
    {
        Assert.Equal("arn:aws:outposts:us-west-2:123456789012:outpost/op-0123456789abcdef0", _world.Cloud.DefaultOutpostArn);
        Assert.Equal(16, _world.Cloud.FreeSlots("c5.large"));
        Assert.Equal(8, _world.Cloud.FreeSlots("r5.large"));
    }

    [Fact]
    public async Task SetFreeSlots_and_RunInstances_agree_on_what_is_free()
    {
        var subnet = await _world.OutpostSubnetAsync(await _world.VpcAsync());
        _world.Cloud.SetFreeSlots("m5.xlarge", 3);

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InsufficientInstanceCapacity, () => _world.LaunchAsync(subnet, count: 4, instanceType: "m5.xlarge"));
        var launched = await _world.LaunchAsync(subnet, count: 3, instanceType: "m5.xlarge");

        Assert.Equal(3, launched.Reservation.Instances.Count);
    }

    [Fact]
    public async Task SetFreeSlots_beyond_the_configured_capacity_adds_slots_to_the_Outpost()
    {
        var subnet = await _world.OutpostSubnetAsync(await _world.VpcAsync());

        _world.Cloud.SetFreeSlots("c5.large", 40);

        Assert.Equal(40, (await _world.LaunchAsync(subnet, count: 40)).Reservation.Instances.Count);
    }

    [Fact]
    public async Task ScheduleFreeSlots_makes_capacity_arrive_at_the_virtual_time()
    {
        var subnet = await _world.OutpostSubnetAsync(await _world.VpcAsync());
        _world.Cloud.SetFreeSlots("c5.large", 0);
        _world.Cloud.ScheduleFreeSlots(TestWorld.Start.AddMinutes(10), "c5.large", 2);

        _world.Advance(TimeSpan.FromMinutes(9));
        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InsufficientInstanceCapacity, () => _world.LaunchAsync(subnet, count: 2));
        _world.Advance(TimeSpan.FromMinutes(1));
        var launched = await _world.LaunchAsync(subnet, count: 2);

        Assert.Equal(2, launched.Reservation.Instances.Count);
    }

    [Fact]
    public async Task Scheduled_capacity_shows_in_the_metric_from_the_first_publish_after_it_arrived()
    {
        _world.Cloud.SetFreeSlots("c5.large", 0);
        _world.Cloud.ScheduleFreeSlots(TestWorld.Start.AddMinutes(4), "c5.large", 5);
        _world.Advance(TimeSpan.FromMinutes(20));
        var now = _world.Clock.GetUtcNow();

        var response = await _world.Aws.CloudWatch.GetMetricDataAsync(new Aws.CloudWatch.GetMetricDataRequest
        {
            MetricDataQueries =
            [
                new Aws.CloudWatch.MetricDataQuery
                {
                    Id = "free",
                    MetricStat = new(new("AWS/Outposts", "AvailableInstanceType_Count", [new("OutpostId", "op-0123456789abcdef0"), new("InstanceType", "c5.large")]), 300, "Minimum"),
                },
            ],
            StartTime = TestWorld.Start.AddMinutes(-2),
            EndTime = now,
            ScanBy = "TimestampAscending",
        });

        // 12:00 before the change; 12:05 after it but before the slots arrived at 12:06; then 5.
        Assert.Equal([16, 0, 5, 5, 5], response.MetricDataResults[0].Values);
    }

    [Fact]
    public async Task Calls_are_counted_per_operation_and_marked_mutating()
    {
        var vpc = await _world.VpcAsync();
        await _world.Aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc] });
        await _world.Aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc] });

        Assert.Equal(1, _world.Cloud.Calls.Count("ec2:CreateVpc"));
        Assert.Equal(2, _world.Cloud.Calls.Count("ec2:DescribeVpcs"));
        Assert.Equal(1, _world.Cloud.Calls.MutatingTotal);
        Assert.Equal(3, _world.Cloud.Calls.Total);
    }

    [Theory]
    [InlineData("ec2:RunInstances", true)]
    [InlineData("ecs:CreateCluster", true)]
    [InlineData("iam:AddRoleToInstanceProfile", true)]
    [InlineData("ec2:AuthorizeSecurityGroupIngress", true)]
    [InlineData("ecs:DeregisterTaskDefinition", true)]
    [InlineData("ec2:DescribeInstances", false)]
    [InlineData("outposts:GetOutpost", false)]
    [InlineData("cloudwatch:GetMetricData", false)]
    [InlineData("ecs:ListTasks", false)]
    [InlineData("dynamodb:PutItem", false)] // the provisioning records are bookkeeping, not provisioned resources
    public void An_operation_is_mutating_by_its_verb(string operation, bool mutating) =>
        Assert.Equal(mutating, ApiCallLog.IsMutating(operation));

    [Fact]
    public async Task Calls_Reset_starts_the_count_again()
    {
        await _world.VpcAsync();

        _world.Cloud.Calls.Reset();
        await _world.Aws.Ssm.GetParameterAsync(new() { Name = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id" });

        Assert.Equal(0, _world.Cloud.Calls.MutatingTotal);
        Assert.Equal(["ssm:GetParameter"], _world.Cloud.Calls.All.Select(c => c.Operation));
    }

    [Fact]
    public async Task A_failed_call_is_counted_with_its_error_code()
    {
        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidVpcRange, () => _world.VpcAsync("10.0.0.0/8"));

        var call = Assert.Single(_world.Cloud.Calls.All);
        Assert.Equal(Ec2ErrorCodes.InvalidVpcRange, call.ErrorCode);
    }

    [Fact]
    public async Task InjectFault_fails_the_next_call_with_that_AWS_error_and_changes_nothing()
    {
        var (cluster, _, _) = await _world.RegisteredClusterAsync();
        var definition = await _world.TaskDefinitionAsync();
        _world.Cloud.InjectFault("ecs:CreateService", "ThrottlingException", "Rate exceeded");

        await AwsAssert.ServiceErrorAsync("ThrottlingException",
            () => _world.Aws.Ecs.CreateServiceAsync(new CreateServiceRequest { Cluster = cluster, ServiceName = "svc", TaskDefinition = definition, DesiredCount = 1 }));

        var described = await _world.Aws.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = ["svc"] });
        Assert.Empty(described.Services);
        Assert.Equal(1, _world.Cloud.Calls.Count("ecs:CreateService"));
    }

    [Fact]
    public async Task InjectFault_on_EC2_throws_the_EC2_exception_type_for_the_given_number_of_calls()
    {
        _world.Cloud.InjectFault("ec2:CreateVpc", "RequestLimitExceeded", "Request limit exceeded.", times: 2);

        await AwsAssert.Ec2ErrorAsync("RequestLimitExceeded", () => _world.VpcAsync());
        await AwsAssert.Ec2ErrorAsync("RequestLimitExceeded", () => _world.VpcAsync());
        var vpc = await _world.VpcAsync();

        var all = await _world.Aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest());
        Assert.Equal([vpc], all.Vpcs.Select(v => v.VpcId));
    }

    [Fact]
    public async Task ResourcesTagged_finds_the_live_resources_of_a_provisioning_across_services()
    {
        var tags = new Dictionary<string, string> { [ProvisioningId] = "p-1" };
        var vpc = await _world.VpcAsync(tags: tags);
        await _world.Aws.Iam.CreateRoleAsync(new Aws.Iam.CreateRoleRequest { RoleName = "r", AssumeRolePolicyDocument = TestWorld.Ec2TrustPolicy, Tags = [new(ProvisioningId, "p-1")] });
        var cluster = await _world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "c", Tags = [new(ProvisioningId, "p-1")] });
        await _world.VpcAsync(tags: new() { [ProvisioningId] = "p-2" });

        var found = _world.Cloud.ResourcesTagged(ProvisioningId, "p-1");

        Assert.Equal(
            [("vpc", vpc), ("role", "r"), ("cluster", cluster.Cluster.ClusterArn)],
            found.Select(r => (r.Type, r.Id)));
    }

    [Fact]
    public async Task ResourcesTagged_leaves_out_terminated_instances()
    {
        var subnet = await _world.OutpostSubnetAsync(await _world.VpcAsync());
        var launch = await _world.LaunchAsync(subnet, tags: new() { [ProvisioningId] = "p-1" });
        await _world.Aws.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [launch.Reservation.Instances[0].InstanceId] });

        _world.Advance(_world.Cloud.Options.Timings.InstanceTermination);

        Assert.Empty(_world.Cloud.ResourcesTagged(ProvisioningId, "p-1"));
    }

    [Fact]
    public async Task SaveState_and_LoadState_continue_the_same_world()
    {
        var (cluster, instanceIds, subnet) = await _world.RegisteredClusterAsync();
        _world.Cloud.SetFreeSlots("c5.large", 4);
        var json = _world.Cloud.SaveState();

        var loaded = EmulatedCloud.LoadState(json, new FakeTimeProvider(_world.Clock.GetUtcNow()));

        var instances = await loaded.Ports.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [.. instanceIds] });
        var containerInstances = await loaded.Ports.Ecs.ListContainerInstancesAsync(new ListContainerInstancesRequest { Cluster = cluster });
        Assert.Equal(instanceIds, instances.Reservations.SelectMany(r => r.Instances).Select(i => i.InstanceId));
        Assert.Single(containerInstances.ContainerInstanceArns);
        Assert.Equal(4, loaded.FreeSlots("c5.large"));
        Assert.Equal(_world.Cloud.Calls.Total + 2, loaded.Calls.Total);
        Assert.Equal(subnet, instances.Reservations[0].Instances[0].SubnetId);
        Assert.Equal("prefer-cached", loaded.AgentConfiguration(instanceIds[0])?.ImagePullBehavior);
    }

    [Fact]
    public async Task A_loaded_world_keeps_running_on_its_new_clock()
    {
        var vpc = await _world.VpcAsync();
        var subnet = await _world.OutpostSubnetAsync(vpc);
        await _world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "c" });
        var profile = await _world.EcsInstanceProfileAsync();
        await _world.LaunchAsync(subnet, userData: TestWorld.UserData("c"), profile: profile);
        var clock = new FakeTimeProvider(_world.Clock.GetUtcNow());
        var loaded = EmulatedCloud.LoadState(_world.Cloud.SaveState(), clock);

        clock.Advance(TimeSpan.FromSeconds(30));

        var listed = await loaded.Ports.Ecs.ListContainerInstancesAsync(new ListContainerInstancesRequest { Cluster = "c" });
        Assert.Single(listed.ContainerInstanceArns);
    }

    [Fact]
    public async Task Two_worlds_loaded_from_the_same_state_generate_the_same_ids()
    {
        await _world.VpcAsync();
        var json = _world.Cloud.SaveState();
        var first = EmulatedCloud.LoadState(json, new FakeTimeProvider(TestWorld.Start));
        var second = EmulatedCloud.LoadState(json, new FakeTimeProvider(TestWorld.Start));

        var a = await first.Ports.Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" });
        var b = await second.Ports.Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" });
        var original = await _world.Aws.Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" });

        Assert.Equal(a.Vpc.VpcId, b.Vpc.VpcId);
        Assert.Equal(original.Vpc.VpcId, a.Vpc.VpcId);
    }

    [Fact]
    public async Task Two_worlds_are_independent()
    {
        var other = new EmulatedCloud(new FakeTimeProvider(TestWorld.Start));

        await _world.VpcAsync();

        Assert.Null((await other.Ports.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs);
    }

    [Fact]
    public async Task Concurrent_launches_never_take_more_slots_than_are_free()
    {
        var subnet = await _world.OutpostSubnetAsync(await _world.VpcAsync());
        _world.Cloud.SetFreeSlots("c5.large", 10);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(async () =>
        {
            try
            {
                await _world.LaunchAsync(subnet);
                return true;
            }
            catch (Amazon.EC2.AmazonEC2Exception e) when (e.ErrorCode == Ec2ErrorCodes.InsufficientInstanceCapacity)
            {
                return false;
            }
        })));

        Assert.Equal(10, attempts.Count(launched => launched));
        Assert.Equal(0, _world.Cloud.FreeSlots("c5.large"));
    }

    [Fact]
    public void A_world_whose_Outpost_is_in_no_Availability_Zone_of_the_Region_is_refused()
    {
        var options = new EmulatorOptions { AvailabilityZones = [new AvailabilityZoneOption("us-west-2b", "usw2-az2")] };

        Assert.Throws<ArgumentException>(() => new EmulatedCloud(new FakeTimeProvider(TestWorld.Start), options));
    }
}
