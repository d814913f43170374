using Amazon.EC2;
using Amazon.EC2.Model;
using OutpostServerless.Aws;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// The pieces both made egress modes share: the provisioning's own route table for the Outpost
/// subnet (found by tag before it is created), its default route, the subnet's association with it,
/// and the subnet attribute that gives each instance the address its route needs.
/// </summary>
internal sealed class EgressRouting(AwsPorts aws, ProvisioningPlan plan, string vpcId, string subnetId)
{
    public const string DefaultRoute = "0.0.0.0/0";
    private const string AlreadyAssociated = "Resource.AlreadyAssociated";
    private const string RouteAlreadyExists = "RouteAlreadyExists";

    private ResourceTags Tags => ResourceTags.For(plan, nameof(EnsureEgress), plan.ProvisioningId);

    /// <summary>Our route table for the subnet, with <c>0.0.0.0/0</c> to the target <paramref name="route"/> sets, associated with the subnet.</summary>
    public async Task<string> EnsureRouteTableAsync(Action<CreateRouteRequest> route, CancellationToken cancellationToken)
    {
        var table = await FindOursAsync(cancellationToken)
            ?? (await aws.Ec2.CreateRouteTableAsync(new CreateRouteTableRequest
            {
                VpcId = vpcId,
                TagSpecifications = [Tags.ToEc2Specification(ResourceType.RouteTable)],
            }, cancellationToken)).RouteTable;

        if (!(table.Routes ?? []).Exists(r => r.DestinationCidrBlock == DefaultRoute))
        {
            var request = new CreateRouteRequest { RouteTableId = table.RouteTableId, DestinationCidrBlock = DefaultRoute };
            route(request);
            try
            {
                await aws.Ec2.CreateRouteAsync(request, cancellationToken);
            }
            catch (AmazonEC2Exception e) when (e.ErrorCode == RouteAlreadyExists)
            {
                // An earlier attempt's call took effect though its answer was lost.
            }
        }

        if (!(table.Associations ?? []).Exists(a => a.SubnetId == subnetId))
        {
            try
            {
                await aws.Ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = table.RouteTableId, SubnetId = subnetId }, cancellationToken);
            }
            catch (AmazonEC2Exception e) when (e.ErrorCode == AlreadyAssociated)
            {
                // Fine if an earlier attempt associated it with ours; another table's association is not ours to replace.
                if (!await AssociatedWithAsync(table.RouteTableId, cancellationToken))
                {
                    throw;
                }
            }
        }

        return table.RouteTableId;
    }

    /// <summary>Makes instances launched into the subnet get a public IPv4 address (unless they already do).</summary>
    public async Task MapPublicIpOnLaunchAsync(CancellationToken cancellationToken)
    {
        if ((await SubnetAsync(cancellationToken)).MapPublicIpOnLaunch != true)
        {
            await aws.Ec2.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = subnetId, MapPublicIpOnLaunch = true }, cancellationToken);
        }
    }

    /// <summary>Makes instances launched into the subnet get an address from the customer-owned IP pool (one attribute, as EC2 says).</summary>
    public async Task MapCustomerOwnedIpOnLaunchAsync(string poolId, CancellationToken cancellationToken)
    {
        var subnet = await SubnetAsync(cancellationToken);
        if (subnet.MapCustomerOwnedIpOnLaunch != true || subnet.CustomerOwnedIpv4Pool != poolId)
        {
            await aws.Ec2.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest
            {
                SubnetId = subnetId,
                MapCustomerOwnedIpOnLaunch = true,
                CustomerOwnedIpv4Pool = poolId,
            }, cancellationToken);
        }
    }

    private async Task<RouteTable?> FindOursAsync(CancellationToken cancellationToken) =>
        (await aws.Ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [ProvisioningTags.Ec2Filter(plan.ProvisioningId), new Filter("vpc-id", [vpcId])],
        }, cancellationToken)).RouteTables?.FirstOrDefault();

    private async Task<bool> AssociatedWithAsync(string routeTableId, CancellationToken cancellationToken) =>
        (await aws.Ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("association.subnet-id", [subnetId])],
        }, cancellationToken)).RouteTables?.Exists(t => t.RouteTableId == routeTableId) ?? false;

    private async Task<Subnet> SubnetAsync(CancellationToken cancellationToken) =>
        (await aws.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnetId] }, cancellationToken)).Subnets[0];
}
