using Amazon.EC2.Model;
using OutpostServerless.Emulator;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tagging;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

public sealed class EnsureEgressTests
{
    private static readonly EgressPlan LocalGateway = new(EgressMode.LocalGateway, LocalGatewayOption.Default.LocalGatewayId, LocalGatewayOption.Default.CoipPoolId);

    private static ProvisioningWorld WithEgress(EgressPlan egress, string? existingVpcId = null, ProvisioningWorld? world = null)
    {
        ProvisioningPlan Change(ProvisioningPlan plan) => plan with
        {
            Network = plan.Network with
            {
                Egress = egress,
                ExistingVpcId = existingVpcId ?? plan.Network.ExistingVpcId,
                VpcCidr = existingVpcId is null ? plan.Network.VpcCidr : null,
            },
        };
        return world is null ? ProvisioningWorld.Create(Change) : world.WithPlan(Change);
    }

    private static async Task<(VpcResource Vpc, SubnetResource Subnet, EgressResource Egress)> RunAsync(ProvisioningWorld world)
    {
        var vpc = await world.EnsureVpcAsync();
        var subnet = await world.EnsureSubnetAsync(vpc);
        return (vpc, subnet, await world.EnsureEgressAsync(vpc, subnet));
    }

    private static async Task<RouteTable> RouteTableOfAsync(ProvisioningWorld world, string subnetId) =>
        (await world.Aws.Ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [new Filter("association.subnet-id", [subnetId])] })).RouteTables.Single();

    [Fact]
    public async Task EnsureEgress_through_the_internet_gateway_routes_the_subnet_to_a_tagged_attached_gateway_and_maps_public_addresses()
    {
        var world = ProvisioningWorld.Create();

        var (vpc, subnet, egress) = await RunAsync(world);

        var gateway = (await world.Aws.Ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest { InternetGatewayIds = [egress.InternetGatewayId!] })).InternetGateways.Single();
        var table = await RouteTableOfAsync(world, subnet.SubnetId);
        var described = (await world.Aws.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnet.SubnetId] })).Subnets.Single();
        Assert.Equal(vpc.VpcId, gateway.Attachments.Single().VpcId);
        Assert.True(ProvisioningTags.CarriesProvisioningId(gateway.Tags, world.Plan.ProvisioningId));
        Assert.True(ProvisioningTags.CarriesProvisioningId(table.Tags, world.Plan.ProvisioningId));
        Assert.Contains(table.Routes, r => r.DestinationCidrBlock == "0.0.0.0/0" && r.GatewayId == gateway.InternetGatewayId && r.State.Value == "active");
        Assert.True(described.MapPublicIpOnLaunch);
        Assert.Equal(table.RouteTableId, egress.RouteTableId);
    }

    [Theory]
    [InlineData(EgressMode.InternetGateway)]
    [InlineData(EgressMode.LocalGateway)]
    public async Task EnsureEgress_run_again_changes_nothing(EgressMode mode)
    {
        var world = WithEgress(mode == EgressMode.LocalGateway ? LocalGateway : new EgressPlan(mode));
        var (vpc, subnet, first) = await RunAsync(world);

        EgressResource? second = null;
        var mutating = await world.MutatingCallsOf(async () => second = await world.EnsureEgressAsync(vpc, subnet));

        Assert.Equal(first, second);
        Assert.Equal(0, mutating);
    }

    [Fact]
    public async Task EnsureEgress_through_the_local_gateway_associates_the_VPC_routes_to_the_local_gateway_and_maps_customer_owned_addresses()
    {
        var world = WithEgress(LocalGateway);

        var (vpc, subnet, egress) = await RunAsync(world);

        var association = (await world.Aws.Ec2.DescribeLocalGatewayRouteTableVpcAssociationsAsync(new DescribeLocalGatewayRouteTableVpcAssociationsRequest
        {
            Filters = [new Filter("vpc-id", [vpc.VpcId])],
        })).LocalGatewayRouteTableVpcAssociations.Single();
        var table = await RouteTableOfAsync(world, subnet.SubnetId);
        var described = (await world.Aws.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnet.SubnetId] })).Subnets.Single();
        Assert.Equal(association.LocalGatewayRouteTableVpcAssociationId, egress.LocalGatewayRouteTableVpcAssociationId);
        Assert.True(ProvisioningTags.CarriesProvisioningId(association.Tags, world.Plan.ProvisioningId));
        Assert.Contains(table.Routes, r => r.DestinationCidrBlock == "0.0.0.0/0" && r.LocalGatewayId == LocalGateway.LocalGatewayId && r.State.Value == "active");
        Assert.Equal((true, LocalGateway.CustomerOwnedIpv4Pool), (described.MapCustomerOwnedIpOnLaunch, described.CustomerOwnedIpv4Pool));
        Assert.Null(egress.InternetGatewayId);
    }

    [Fact]
    public async Task EnsureEgress_refuses_a_local_gateway_that_is_not_on_the_Outpost()
    {
        var world = WithEgress(LocalGateway with { LocalGatewayId = "lgw-0fffffffffffffff0" });

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() => RunAsync(world));

        Assert.Equal("network.egress.localGatewayId", error.Field);
    }

    [Theory]
    [InlineData("nat")]
    [InlineData("transit-gateway")]
    [InlineData("endpoints")]
    public async Task EnsureEgress_with_an_existing_VPC_accepts_its_own_way_out_and_changes_no_routing(string way)
    {
        var world = ProvisioningWorld.Create();
        var vpc = world.Cloud.Network.Vpc();
        switch (way)
        {
            case "nat":
                world.Cloud.Network.NatGatewayRoute(vpc, "10.0.200.0/24");
                break;
            case "transit-gateway":
                world.Cloud.Network.TransitGatewayRoute(vpc);
                break;
            default:
                world.Cloud.Network.EcsEndpoints(vpc);
                break;
        }
        world = WithEgress(new EgressPlan(EgressMode.Existing), vpc, world);
        world = world.WithPlan(p => p with { Workload = p.Workload with { TaskDefinition = EcrOnly(p) } });
        var vpcResource = await world.EnsureVpcAsync();
        var subnet = await world.EnsureSubnetAsync(vpcResource);

        var egress = await world.EnsureEgressAsync(vpcResource, subnet);

        Assert.Equal(world.Cloud.Network.MainRouteTable(vpc), egress.RouteTableId);
        Assert.Equal(0, world.Cloud.Calls.Count("ec2:CreateRoute") + world.Cloud.Calls.Count("ec2:CreateRouteTable") + world.Cloud.Calls.Count("ec2:ModifySubnetAttribute"));
    }

    [Fact]
    public async Task EnsureEgress_with_an_existing_VPC_that_has_only_the_local_route_fails_fast_naming_the_route_table_and_the_fix()
    {
        var world = ProvisioningWorld.Create();
        var vpc = world.Cloud.Network.Vpc();
        world = WithEgress(new EgressPlan(EgressMode.Existing), vpc, world);

        var error = await Assert.ThrowsAsync<EgressPathMissingException>(() => RunAsync(world));

        Assert.Equal("Provisioning.EgressPathMissing", error.ErrorName);
        Assert.Equal(world.Cloud.Network.MainRouteTable(vpc), error.RouteTableId);
        Assert.Contains("Fix: add a 0.0.0.0/0 route", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, world.Cloud.Calls.Count("ec2:RunInstances"));
    }

    [Fact]
    public async Task EnsureEgress_with_an_existing_local_gateway_route_asks_for_a_customer_owned_pool()
    {
        var world = ProvisioningWorld.Create();
        var vpc = world.Cloud.Network.Vpc();
        world.Cloud.Network.LocalGatewayRoute(vpc);
        world = WithEgress(new EgressPlan(EgressMode.Existing), vpc, world);

        var error = await Assert.ThrowsAsync<EgressPathMissingException>(() => RunAsync(world));

        Assert.Contains("network.egress.customerOwnedIpv4Pool", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureEgress_with_endpoints_only_refuses_images_outside_ECR()
    {
        var world = ProvisioningWorld.Create();
        var vpc = world.Cloud.Network.Vpc();
        world.Cloud.Network.EcsEndpoints(vpc);
        world = WithEgress(new EgressPlan(EgressMode.Existing), vpc, world);

        var error = await Assert.ThrowsAsync<EgressPathMissingException>(() => RunAsync(world));

        Assert.Contains("outside ECR", error.Message, StringComparison.Ordinal);
    }

    private static System.Text.Json.Nodes.JsonObject EcrOnly(ProvisioningPlan plan)
    {
        var definition = plan.Workload.TaskDefinition.DeepClone().AsObject();
        foreach (var container in definition["containerDefinitions"]!.AsArray())
        {
            container!["image"] = "123456789012.dkr.ecr.us-west-2.amazonaws.com/app:1.0";
        }

        return definition;
    }
}
