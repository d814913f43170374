using static OutpostServerless.Emulator.Tests.Wire.CliJson;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Wire;

/// <summary>Every egress operation the workflow uses, and the reads an operator runs against it, driven by the AWS CLI (v1 and v2).</summary>
public sealed class AwsCliEgressTests
{
    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task Internet_gateway_route_table_and_public_addresses_through_the_cli(AwsCliVersion version)
    {
        await using var session = await CliSession.StartAsync(version);
        var aws = session.Aws;
        var world = session.World;
        var vpcId = await world.VpcAsync();
        var subnetId = await world.OutpostSubnetAsync(vpcId, egress: false);

        var gatewayId = Text((await aws.JsonAsync("ec2", "create-internet-gateway", "--tag-specifications", "ResourceType=internet-gateway,Tags=[{Key=team,Value=net}]"))["InternetGateway"]!["InternetGatewayId"]);
        await aws.SucceedsAsync("ec2", "attach-internet-gateway", "--internet-gateway-id", gatewayId, "--vpc-id", vpcId);
        var table = (await aws.JsonAsync("ec2", "create-route-table", "--vpc-id", vpcId))["RouteTable"]!;
        var tableId = Text(table["RouteTableId"]);
        await aws.SucceedsAsync("ec2", "create-route", "--route-table-id", tableId, "--destination-cidr-block", "0.0.0.0/0", "--gateway-id", gatewayId);
        var association = await aws.JsonAsync("ec2", "associate-route-table", "--route-table-id", tableId, "--subnet-id", subnetId);
        await aws.SucceedsAsync("ec2", "modify-subnet-attribute", "--subnet-id", subnetId, "--map-public-ip-on-launch");
        var launched = (await world.LaunchAsync(subnetId)).Reservation.Instances[0].InstanceId;

        var gateways = await aws.JsonAsync("ec2", "describe-internet-gateways", "--filters", $"Name=attachment.vpc-id,Values={vpcId}");
        var routes = await aws.JsonAsync("ec2", "describe-route-tables", "--filters", $"Name=association.subnet-id,Values={subnetId}");
        var instance = (await aws.JsonAsync("ec2", "describe-instances", "--instance-ids", launched))["Reservations"]![0]!["Instances"]![0]!;
        var subnet = (await aws.JsonAsync("ec2", "describe-subnets", "--subnet-ids", subnetId))["Subnets"]![0]!;

        Assert.Equal("associated", Text(association["AssociationState"]!["State"]));
        Assert.Equal(vpcId, Text(gateways["InternetGateways"]![0]!["Attachments"]![0]!["VpcId"]));
        var route = routes["RouteTables"]![0]!["Routes"]!.AsArray().Single(r => Text(r!["DestinationCidrBlock"]) == "0.0.0.0/0")!;
        Assert.Equal((gatewayId, "active"), (Text(route["GatewayId"]), Text(route["State"])));
        Assert.StartsWith("54.200.", Text(instance["PublicIpAddress"]), StringComparison.Ordinal);
        Assert.True(subnet["MapPublicIpOnLaunch"]!.GetValue<bool>());
        Assert.Equal(1, world.Cloud.Calls.Count("ec2:ModifySubnetAttribute"));
    }

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task Local_gateway_its_route_table_VPC_association_and_customer_owned_pool_through_the_cli(AwsCliVersion version)
    {
        await using var session = await CliSession.StartAsync(version);
        var aws = session.Aws;
        var world = session.World;
        var vpcId = await world.VpcAsync();
        var subnetId = await world.OutpostSubnetAsync(vpcId, egress: false);

        var gateway = (await aws.JsonAsync("ec2", "describe-local-gateways", "--filters", $"Name=outpost-arn,Values={world.Cloud.DefaultOutpostArn}"))["LocalGateways"]![0]!;
        var lgwTable = (await aws.JsonAsync("ec2", "describe-local-gateway-route-tables", "--filters", $"Name=local-gateway-id,Values={Text(gateway["LocalGatewayId"])}"))["LocalGatewayRouteTables"]![0]!;
        var pool = (await aws.JsonAsync("ec2", "describe-coip-pools"))["CoipPools"]![0]!;
        var association = (await aws.JsonAsync("ec2", "create-local-gateway-route-table-vpc-association",
            "--local-gateway-route-table-id", Text(lgwTable["LocalGatewayRouteTableId"]), "--vpc-id", vpcId))["LocalGatewayRouteTableVpcAssociation"]!;
        var listed = await aws.JsonAsync("ec2", "describe-local-gateway-route-table-vpc-associations", "--filters", $"Name=vpc-id,Values={vpcId}");
        var mainTable = Text((await aws.JsonAsync("ec2", "describe-route-tables", "--filters", $"Name=vpc-id,Values={vpcId}", "Name=association.main,Values=true"))["RouteTables"]![0]!["RouteTableId"]);
        await aws.SucceedsAsync("ec2", "create-route", "--route-table-id", mainTable, "--destination-cidr-block", "0.0.0.0/0", "--local-gateway-id", Text(gateway["LocalGatewayId"]));
        await aws.SucceedsAsync("ec2", "modify-subnet-attribute", "--subnet-id", subnetId, "--map-customer-owned-ip-on-launch", "--customer-owned-ipv4-pool", Text(pool["PoolId"]));
        var launched = (await world.LaunchAsync(subnetId)).Reservation.Instances[0].InstanceId;
        var instance = (await aws.JsonAsync("ec2", "describe-instances", "--instance-ids", launched))["Reservations"]![0]!["Instances"]![0]!;
        var deleted = (await aws.JsonAsync("ec2", "delete-local-gateway-route-table-vpc-association",
            "--local-gateway-route-table-vpc-association-id", Text(association["LocalGatewayRouteTableVpcAssociationId"])))["LocalGatewayRouteTableVpcAssociation"]!;

        Assert.Equal(world.Cloud.DefaultOutpostArn, Text(gateway["OutpostArn"]));
        Assert.Equal(Text(lgwTable["LocalGatewayRouteTableId"]), Text(pool["LocalGatewayRouteTableId"]));
        Assert.Equal(Text(association["LocalGatewayRouteTableVpcAssociationId"]), Text(listed["LocalGatewayRouteTableVpcAssociations"]![0]!["LocalGatewayRouteTableVpcAssociationId"]));
        Assert.StartsWith("198.51.100.", Text(instance["NetworkInterfaces"]![0]!["Association"]!["CustomerOwnedIp"]), StringComparison.Ordinal);
        Assert.Equal("disassociated", Text(deleted["State"]));
    }

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task Endpoints_availability_zones_and_route_table_teardown_through_the_cli(AwsCliVersion version)
    {
        await using var session = await CliSession.StartAsync(version);
        var aws = session.Aws;
        var world = session.World;
        var vpcId = await world.VpcAsync();
        world.Cloud.Network.EcsEndpoints(vpcId);
        var gatewayId = world.Cloud.Network.InternetGatewayRoute(vpcId);
        var tableId = Text((await aws.JsonAsync("ec2", "create-route-table", "--vpc-id", vpcId))["RouteTable"]!["RouteTableId"]);
        var subnetId = await world.OutpostSubnetAsync(vpcId, egress: false);
        var associationId = Text((await aws.JsonAsync("ec2", "associate-route-table", "--route-table-id", tableId, "--subnet-id", subnetId))["AssociationId"]);

        var endpoints = await aws.JsonAsync("ec2", "describe-vpc-endpoints", "--filters", $"Name=vpc-id,Values={vpcId}");
        var zones = await aws.JsonAsync("ec2", "describe-availability-zones");
        await aws.SucceedsAsync("ec2", "disassociate-route-table", "--association-id", associationId);
        await aws.SucceedsAsync("ec2", "delete-route-table", "--route-table-id", tableId);
        await aws.SucceedsAsync("ec2", "detach-internet-gateway", "--internet-gateway-id", gatewayId, "--vpc-id", vpcId);
        await aws.SucceedsAsync("ec2", "delete-internet-gateway", "--internet-gateway-id", gatewayId);

        Assert.Contains("com.amazonaws.us-west-2.ecs-agent", endpoints["VpcEndpoints"]!.AsArray().Select(e => Text(e!["ServiceName"])));
        Assert.Equal(["usw2-az1", "usw2-az2", "usw2-az3"], zones["AvailabilityZones"]!.AsArray().Select(z => Text(z!["ZoneId"])));
        Assert.Equal(1, world.Cloud.Calls.Count("ec2:DeleteInternetGateway"));
        var gone = await aws.RunAsync("ec2", "describe-route-tables", "--route-table-ids", tableId);
        Assert.Contains("(InvalidRouteTableID.NotFound)", gone.Error, StringComparison.Ordinal);
    }
}
