using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Gives the container instances a way to ECS and their registries, as <c>network.egress</c> asks
/// (AWS Outposts user guide, "Networking"): through the Region's internet gateway (over the service
/// link), through the Outpost's local gateway, or through the VPC's existing routing, which is only
/// checked. Everything made is tagged and found again first, so a retry or a re-run makes nothing twice.
/// </summary>
public sealed class EnsureEgress(AwsPorts aws, ILogger<EnsureEgress> logger) : IStep<EnsureEgressInput, EgressResource>
{
    private const string AlreadyAssociated = "Resource.AlreadyAssociated";

    public async Task<EgressResource> RunAsync(EnsureEgressInput input, CancellationToken cancellationToken)
    {
        var plan = input.Plan;
        var vpc = input.Vpc ?? throw new StepInputMissingException(nameof(EnsureEgress), "vpc");
        var subnet = input.Subnet ?? throw new StepInputMissingException(nameof(EnsureEgress), "subnet");
        var routing = new EgressRouting(aws, plan, vpc.VpcId, subnet.SubnetId);
        var egress = plan.Network.Egress.Mode switch
        {
            EgressMode.InternetGateway => await ThroughInternetGatewayAsync(plan, vpc, routing, cancellationToken),
            EgressMode.LocalGateway => await ThroughLocalGatewayAsync(plan, vpc, routing, cancellationToken),
            _ => await new ExistingEgressCheck(aws, plan, vpc.VpcId, subnet.SubnetId, routing).RunAsync(cancellationToken),
        };
        logger.LogInformation("Egress of {ProvisioningId} ({Mode}): {Path}", plan.ProvisioningId, EgressPlan.Word(egress.Mode), egress.Path);
        return egress;
    }

    private async Task<EgressResource> ThroughInternetGatewayAsync(ProvisioningPlan plan, VpcResource vpc, EgressRouting routing, CancellationToken cancellationToken)
    {
        var gatewayId = await EnsureInternetGatewayAsync(plan, vpc.VpcId, cancellationToken);
        var tableId = await routing.EnsureRouteTableAsync(r => r.GatewayId = gatewayId, cancellationToken);
        await routing.MapPublicIpOnLaunchAsync(cancellationToken);
        return new EgressResource(EgressMode.InternetGateway, $"{EgressRouting.DefaultRoute} → {gatewayId} in {tableId}, public IPv4 on launch", tableId, InternetGatewayId: gatewayId);
    }

    /// <summary>The VPC's attached internet gateway (ours or one it already had), else ours found by tag or created, then attached.</summary>
    private async Task<string> EnsureInternetGatewayAsync(ProvisioningPlan plan, string vpcId, CancellationToken cancellationToken)
    {
        if (await FindInternetGatewayAsync(new Filter("attachment.vpc-id", [vpcId]), cancellationToken) is { } attached)
        {
            return attached.InternetGatewayId;
        }

        var gateway = await FindInternetGatewayAsync(ProvisioningTags.Ec2Filter(plan.ProvisioningId), cancellationToken)
            ?? (await aws.Ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest
            {
                TagSpecifications = [ResourceTags.For(plan, nameof(EnsureEgress), plan.ProvisioningId).ToEc2Specification(ResourceType.InternetGateway)],
            }, cancellationToken)).InternetGateway;
        try
        {
            await aws.Ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = gateway.InternetGatewayId, VpcId = vpcId }, cancellationToken);
        }
        catch (AmazonEC2Exception e) when (e.ErrorCode == AlreadyAssociated)
        {
            // Attached meanwhile (by an earlier attempt whose answer was lost, or a racing one): use what is attached now.
            var now = await FindInternetGatewayAsync(new Filter("attachment.vpc-id", [vpcId]), cancellationToken);
            if (now is null)
            {
                throw;
            }

            return now.InternetGatewayId;
        }

        logger.LogInformation("Attached internet gateway {InternetGatewayId} to {VpcId}", gateway.InternetGatewayId, vpcId);
        return gateway.InternetGatewayId;
    }

    private async Task<InternetGateway?> FindInternetGatewayAsync(Filter filter, CancellationToken cancellationToken) =>
        (await aws.Ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest { Filters = [filter] }, cancellationToken)).InternetGateways?.FirstOrDefault();

    private async Task<EgressResource> ThroughLocalGatewayAsync(ProvisioningPlan plan, VpcResource vpc, EgressRouting routing, CancellationToken cancellationToken)
    {
        var egress = plan.Network.Egress;
        var localGatewayId = egress.LocalGatewayId ?? throw new StepInputMissingException(nameof(EnsureEgress), "plan.network.egress.localGatewayId");
        var poolId = egress.CustomerOwnedIpv4Pool ?? throw new StepInputMissingException(nameof(EnsureEgress), "plan.network.egress.customerOwnedIpv4Pool");
        var table = (await aws.Ec2.DescribeLocalGatewayRouteTablesAsync(new DescribeLocalGatewayRouteTablesRequest
        {
            Filters = [new Filter("local-gateway-id", [localGatewayId]), new Filter("outpost-arn", [plan.OutpostArn])],
        }, cancellationToken)).LocalGatewayRouteTables?.FirstOrDefault()
            ?? throw new ResourceNotFoundException("network.egress.localGatewayId", $"{localGatewayId} on {plan.OutpostArn}");

        var associationId = await EnsureVpcAssociationAsync(plan, table.LocalGatewayRouteTableId, vpc.VpcId, cancellationToken);
        var tableId = await routing.EnsureRouteTableAsync(r => r.LocalGatewayId = localGatewayId, cancellationToken);
        await routing.MapCustomerOwnedIpOnLaunchAsync(poolId, cancellationToken);
        return new EgressResource(EgressMode.LocalGateway, $"{EgressRouting.DefaultRoute} → {localGatewayId} in {tableId}, customer-owned IPv4 from {poolId}", tableId,
            LocalGatewayRouteTableVpcAssociationId: associationId);
    }

    /// <summary>The VPC's association with the local gateway route table: what AWS requires before a VPC route may target the local gateway.</summary>
    private async Task<string> EnsureVpcAssociationAsync(ProvisioningPlan plan, string localGatewayRouteTableId, string vpcId, CancellationToken cancellationToken)
    {
        var existing = (await aws.Ec2.DescribeLocalGatewayRouteTableVpcAssociationsAsync(new DescribeLocalGatewayRouteTableVpcAssociationsRequest
        {
            Filters = [new Filter("local-gateway-route-table-id", [localGatewayRouteTableId]), new Filter("vpc-id", [vpcId])],
        }, cancellationToken)).LocalGatewayRouteTableVpcAssociations?.FirstOrDefault();
        if (existing is not null)
        {
            return existing.LocalGatewayRouteTableVpcAssociationId;
        }

        var created = (await aws.Ec2.CreateLocalGatewayRouteTableVpcAssociationAsync(new CreateLocalGatewayRouteTableVpcAssociationRequest
        {
            LocalGatewayRouteTableId = localGatewayRouteTableId,
            VpcId = vpcId,
            TagSpecifications = [ResourceTags.For(plan, nameof(EnsureEgress), plan.ProvisioningId).ToEc2Specification(ResourceType.LocalGatewayRouteTableVpcAssociation)],
        }, cancellationToken)).LocalGatewayRouteTableVpcAssociation;
        logger.LogInformation("Associated {VpcId} with local gateway route table {RouteTableId}", vpcId, localGatewayRouteTableId);
        return created.LocalGatewayRouteTableVpcAssociationId;
    }
}
