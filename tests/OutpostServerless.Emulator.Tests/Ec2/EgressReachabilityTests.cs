using Amazon.EC2.Model;
using OutpostServerless.Aws.Ec2;
using OutpostServerless.Aws.Ecs;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Ec2;

/// <summary>
/// The ECS agent and image pulls need a way out of the VPC, as on a real Outpost: a new VPC has only
/// the local route (VPC user guide, "Route tables"), so nothing registers until the subnet routes
/// 0.0.0.0/0 somewhere usable with the address that route needs, or ECS's endpoints exist.
/// </summary>
public sealed class EgressReachabilityTests
{
    private readonly TestWorld _world = new();

    private async Task<int> RegisteredAfterLaunchAsync(string subnet)
    {
        var profile = await _world.EcsInstanceProfileAsync();
        await _world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "c" });
        await _world.LaunchAsync(subnet, userData: TestWorld.UserData("c"), profile: profile);
        _world.Advance(TimeSpan.FromMinutes(10));
        return (await _world.Aws.Ecs.ListContainerInstancesAsync(new ListContainerInstancesRequest { Cluster = "c" })).ContainerInstanceArns.Count;
    }

    [Fact]
    public async Task An_agent_in_a_VPC_with_only_the_local_route_never_registers()
    {
        var subnet = await _world.OutpostSubnetAsync(await _world.VpcAsync(), egress: false);

        Assert.Equal(0, await RegisteredAfterLaunchAsync(subnet));
    }

    [Fact]
    public async Task An_internet_gateway_route_without_a_public_address_does_not_reach_ECS()
    {
        var vpc = await _world.VpcAsync();
        var subnet = await _world.OutpostSubnetAsync(vpc, egress: false);
        _world.Cloud.Network.InternetGatewayRoute(vpc);

        Assert.Equal(0, await RegisteredAfterLaunchAsync(subnet));
    }

    [Fact]
    public async Task An_internet_gateway_route_with_public_addresses_on_launch_registers_the_agent()
    {
        var vpc = await _world.VpcAsync();
        var subnet = await _world.OutpostSubnetAsync(vpc, egress: false);
        _world.Cloud.Network.InternetGatewayRoute(vpc);
        await _world.Aws.Ec2.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = subnet, MapPublicIpOnLaunch = true });

        Assert.Equal(1, await RegisteredAfterLaunchAsync(subnet));
    }

    [Theory]
    [InlineData("nat")]
    [InlineData("transit-gateway")]
    [InlineData("ecs-endpoints")]
    public async Task A_NAT_gateway_a_transit_gateway_or_the_ECS_endpoints_register_the_agent_without_a_public_address(string way)
    {
        var vpc = await _world.VpcAsync();
        var subnet = await _world.OutpostSubnetAsync(vpc, egress: false);
        switch (way)
        {
            case "nat":
                _world.Cloud.Network.NatGatewayRoute(vpc, "10.0.200.0/24");
                break;
            case "transit-gateway":
                _world.Cloud.Network.TransitGatewayRoute(vpc);
                break;
            default:
                _world.Cloud.Network.EcsEndpoints(vpc);
                break;
        }

        Assert.Equal(1, await RegisteredAfterLaunchAsync(subnet));
    }

    [Fact]
    public async Task A_local_gateway_route_reaches_ECS_only_with_customer_owned_addresses()
    {
        var vpc = await _world.VpcAsync();
        var withoutCoip = await _world.OutpostSubnetAsync(vpc, "10.0.3.0/24", egress: false);
        var withCoip = await _world.OutpostSubnetAsync(vpc, "10.0.4.0/24", egress: false);
        _world.Cloud.Network.LocalGatewayRoute(vpc);
        var pool = LocalGatewayOption.Default.CoipPoolId;
        await _world.Aws.Ec2.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = withCoip, MapCustomerOwnedIpOnLaunch = true, CustomerOwnedIpv4Pool = pool });

        Assert.Equal(0, await RegisteredAfterLaunchAsync(withoutCoip));
        var launched = await _world.LaunchAsync(withCoip, userData: TestWorld.UserData("c"), profile: "ecsOutpost");
        _world.Advance(TimeSpan.FromMinutes(1));
        Assert.Single((await _world.Aws.Ecs.ListContainerInstancesAsync(new ListContainerInstancesRequest { Cluster = "c" })).ContainerInstanceArns);
        Assert.StartsWith("198.51.100.", launched.Reservation.Instances[0].NetworkInterfaces[0].Association.CustomerOwnedIp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_the_instance_cannot_reach_stops_the_task_with_CannotPullContainerError()
    {
        var vpc = await _world.VpcAsync();
        var subnet = await _world.OutpostSubnetAsync(vpc, egress: false);
        _world.Cloud.Network.EcsEndpoints(vpc, withEcr: false);
        var profile = await _world.EcsInstanceProfileAsync();
        await _world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "c" });
        await _world.LaunchAsync(subnet, userData: TestWorld.UserData("c"), profile: profile);
        _world.Advance(TimeSpan.FromSeconds(30));
        var definition = await _world.TaskDefinitionAsync();

        var run = await _world.Aws.Ecs.RunTaskAsync(new RunTaskRequest { Cluster = "c", TaskDefinition = definition });
        _world.Advance(TimeSpan.FromMinutes(1));
        var task = (await _world.Aws.Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = "c", Tasks = [run.Tasks[0].TaskArn] })).Tasks.Single();

        Assert.Equal("STOPPED", task.LastStatus);
        Assert.StartsWith("CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/nginx:latest", task.StoppedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prefer_cached_runs_an_image_baked_into_the_AMI_without_a_way_to_the_registry()
    {
        var options = EmulatorOptions.Default with
        {
            Images = [.. EmulatorOptions.Default.Images.Select(i => i.ImageId == TestWorld.EcsAmi ? i with { CachedContainerImages = ["nginx:latest"] } : i)],
        };
        var world = new TestWorld(options);
        var vpc = await world.VpcAsync();
        var subnet = await world.OutpostSubnetAsync(vpc, egress: false);
        world.Cloud.Network.EcsEndpoints(vpc, withEcr: false);
        var profile = await world.EcsInstanceProfileAsync();
        await world.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "c" });
        await world.LaunchAsync(subnet, userData: TestWorld.UserData("c", pullBehavior: "prefer-cached"), profile: profile);
        world.Advance(TimeSpan.FromSeconds(30));

        var run = await world.Aws.Ecs.RunTaskAsync(new RunTaskRequest { Cluster = "c", TaskDefinition = await world.TaskDefinitionAsync() });
        world.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal("RUNNING", (await world.Aws.Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = "c", Tasks = [run.Tasks[0].TaskArn] })).Tasks.Single().LastStatus);
    }

    [Fact]
    public async Task A_new_VPC_has_a_main_route_table_with_only_the_local_route()
    {
        var vpc = await _world.VpcAsync();

        var table = (await _world.Aws.Ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [new Filter("vpc-id", [vpc])] })).RouteTables.Single();

        Assert.True(table.Associations.Single().Main);
        Assert.Equal([("10.0.0.0/16", "local", "active")], table.Routes.Select(r => (r.DestinationCidrBlock, r.GatewayId, r.State.Value)));
    }

    [Fact]
    public async Task An_internet_gateway_cannot_be_detached_while_instances_hold_public_addresses_nor_the_VPC_deleted_while_it_is_attached()
    {
        var vpc = await _world.VpcAsync();
        var subnet = await _world.OutpostSubnetAsync(vpc);
        var gateway = _world.Cloud.Network.InternetGatewayRoute(vpc);
        var launched = await _world.LaunchAsync(subnet);

        var detach = await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.DependencyViolation,
            () => _world.Aws.Ec2.DetachInternetGatewayAsync(new DetachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = vpc }));
        await _world.Aws.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [launched.Reservation.Instances[0].InstanceId] });
        _world.Advance(TimeSpan.FromMinutes(2));
        await _world.Aws.Ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet });
        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.DependencyViolation, () => _world.Aws.Ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc }));
        await _world.Aws.Ec2.DetachInternetGatewayAsync(new DetachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = vpc });
        await _world.Aws.Ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc });

        Assert.Contains("mapped public address(es)", detach.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_route_to_a_local_gateway_needs_the_VPC_associated_with_its_route_table()
    {
        var vpc = await _world.VpcAsync();
        var table = _world.Cloud.Network.MainRouteTable(vpc);

        await AwsAssert.Ec2ErrorAsync(Ec2ErrorCodes.InvalidParameterValue, () => _world.Aws.Ec2.CreateRouteAsync(new CreateRouteRequest
        {
            RouteTableId = table,
            DestinationCidrBlock = "0.0.0.0/0",
            LocalGatewayId = LocalGatewayOption.Default.LocalGatewayId,
        }));
    }
}
