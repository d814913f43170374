using Amazon.EC2;
using Amazon.EC2.Model;
using OutpostServerless.Aws.Ec2;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Deletes the egress this provisioning made (EnsureEgress), found by the provisioning-id tag: its
/// route tables (their subnet association gone with the subnet), its internet gateway (detached first) and its local gateway route table VPC
/// association. What the VPC already had (an attached gateway, its main route table) carries no tag
/// of ours and is never touched. Runs after the instances are gone (EC2 refuses to detach an internet
/// gateway while instances hold public addresses) and before the VPC is deleted.
/// </summary>
public sealed class EgressTeardown(IEc2 ec2, ProvisioningPlan plan, DeletionLog log)
{
    private const string GatewayNotAttached = "Gateway.NotAttached";

    private Filter OurTag => ProvisioningTags.Ec2Filter(plan.ProvisioningId);

    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        var tables = (await ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [OurTag] }, cancellationToken)).RouteTables ?? [];
        foreach (var table in tables)
        {
            // The subnet's association went with the subnet, which Rollback deleted just before.
            await log.DeleteAsync("ec2:route-table", table.RouteTableId, () => ec2.DeleteRouteTableAsync(
                new DeleteRouteTableRequest { RouteTableId = table.RouteTableId }, cancellationToken));
        }

        var gateways = (await ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest { Filters = [OurTag] }, cancellationToken)).InternetGateways ?? [];
        foreach (var gateway in gateways)
        {
            foreach (var attachment in gateway.Attachments ?? [])
            {
                try
                {
                    await ec2.DetachInternetGatewayAsync(new DetachInternetGatewayRequest { InternetGatewayId = gateway.InternetGatewayId, VpcId = attachment.VpcId }, cancellationToken);
                }
                catch (AmazonEC2Exception e) when (e.ErrorCode == GatewayNotAttached)
                {
                    // Detached by an earlier attempt whose answer was lost.
                }
            }

            await log.DeleteAsync("ec2:internet-gateway", gateway.InternetGatewayId, () => ec2.DeleteInternetGatewayAsync(
                new DeleteInternetGatewayRequest { InternetGatewayId = gateway.InternetGatewayId }, cancellationToken));
        }

        var associations = (await ec2.DescribeLocalGatewayRouteTableVpcAssociationsAsync(
            new DescribeLocalGatewayRouteTableVpcAssociationsRequest { Filters = [OurTag] }, cancellationToken)).LocalGatewayRouteTableVpcAssociations ?? [];
        foreach (var association in associations)
        {
            await log.DeleteAsync("ec2:local-gateway-route-table-vpc-association", association.LocalGatewayRouteTableVpcAssociationId, () =>
                ec2.DeleteLocalGatewayRouteTableVpcAssociationAsync(new DeleteLocalGatewayRouteTableVpcAssociationRequest
                {
                    LocalGatewayRouteTableVpcAssociationId = association.LocalGatewayRouteTableVpcAssociationId,
                }, cancellationToken));
        }
    }
}
