using Amazon.EC2;
using Amazon.EC2.Model;
using OutpostServerless.Aws.Ec2;

namespace OutpostServerless.Emulator.Ec2;

/// <summary>
/// Internet gateways: one per VPC, attached and detached explicitly. EC2 refuses to detach one while
/// instances in the VPC still hold public addresses, and to delete one still attached.
/// </summary>
internal sealed partial class Ec2World
{
    public const string InvalidInternetGatewayIdNotFound = "InvalidInternetGatewayID.NotFound";

    private readonly Ec2Filters<InternetGatewayRecord> _internetGatewayFilters = new(
        new Dictionary<string, Func<InternetGatewayRecord, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["internet-gateway-id"] = g => [g.InternetGatewayId],
            ["attachment.vpc-id"] = g => [g.AttachedVpcId],
            ["attachment.state"] = g => [g.AttachedVpcId is null ? null : "available"],
            ["owner-id"] = _ => [region.Options.AccountId],
        },
        g => g.Tags);

    public CreateInternetGatewayResponse CreateInternetGateway(CreateInternetGatewayRequest request)
    {
        var gateway = new InternetGatewayRecord
        {
            InternetGatewayId = "igw-" + region.Ids.Hex("igw", 17),
            Tags = Ec2Tags.From(request.TagSpecifications, "internet-gateway"),
        };
        State.InternetGateways.Add(gateway);
        return new CreateInternetGatewayResponse { InternetGateway = ToSdk(gateway) };
    }

    public DescribeInternetGatewaysResponse DescribeInternetGateways(DescribeInternetGatewaysRequest request)
    {
        var matches = _internetGatewayFilters.Compile(request.Filters);
        var ids = request.InternetGatewayIds ?? [];
        foreach (var id in ids.Where(id => !State.InternetGateways.Exists(g => g.InternetGatewayId == id)))
        {
            throw InternetGatewayNotFound(id);
        }

        var gateways = State.InternetGateways.Where(g => (ids.Count == 0 || ids.Contains(g.InternetGatewayId)) && matches(g)).ToList();
        var (page, next) = Ec2Paging.Page(gateways, request.MaxResults, request.NextToken);
        return new DescribeInternetGatewaysResponse { InternetGateways = NullIfEmpty(page.ConvertAll(ToSdk)), NextToken = next };
    }

    public AttachInternetGatewayResponse AttachInternetGateway(AttachInternetGatewayRequest request)
    {
        var (gateway, vpc) = GatewayAndVpc(request.InternetGatewayId, request.VpcId);
        if (gateway.AttachedVpcId is { } attached)
        {
            throw Ec2Errors.Error("Resource.AlreadyAssociated", $"resource {gateway.InternetGatewayId} is already attached to network {attached}");
        }

        if (State.InternetGateways.Find(g => g.AttachedVpcId == vpc.VpcId) is { } other)
        {
            throw Ec2Errors.Error("Resource.AlreadyAssociated", $"Network {vpc.VpcId} already has an internet gateway attached ({other.InternetGatewayId})");
        }

        gateway.AttachedVpcId = vpc.VpcId;
        return new AttachInternetGatewayResponse();
    }

    public DetachInternetGatewayResponse DetachInternetGateway(DetachInternetGatewayRequest request)
    {
        var (gateway, vpc) = GatewayAndVpc(request.InternetGatewayId, request.VpcId);
        if (gateway.AttachedVpcId != vpc.VpcId)
        {
            throw Ec2Errors.Error("Gateway.NotAttached", $"resource {gateway.InternetGatewayId} is not attached to network {vpc.VpcId}");
        }

        if (State.Instances.Exists(i => i.VpcId == vpc.VpcId && i.PublicIpAddress is not null && HoldsNetworkInterface(i)))
        {
            throw Ec2Errors.Error(Ec2ErrorCodes.DependencyViolation, $"Network {vpc.VpcId} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.");
        }

        gateway.AttachedVpcId = null;
        return new DetachInternetGatewayResponse();
    }

    public DeleteInternetGatewayResponse DeleteInternetGateway(DeleteInternetGatewayRequest request)
    {
        if (string.IsNullOrEmpty(request.InternetGatewayId))
        {
            throw Ec2Errors.Missing("internetGatewayId");
        }

        var gateway = State.InternetGateways.Find(g => g.InternetGatewayId == request.InternetGatewayId) ?? throw InternetGatewayNotFound(request.InternetGatewayId);
        if (gateway.AttachedVpcId is not null)
        {
            throw Ec2Errors.Error(Ec2ErrorCodes.DependencyViolation, $"The internetGateway '{gateway.InternetGatewayId}' has dependencies and cannot be deleted.");
        }

        State.InternetGateways.Remove(gateway);
        return new DeleteInternetGatewayResponse();
    }

    private (InternetGatewayRecord Gateway, VpcRecord Vpc) GatewayAndVpc(string? gatewayId, string? vpcId)
    {
        if (string.IsNullOrEmpty(gatewayId))
        {
            throw Ec2Errors.Missing("internetGatewayId");
        }

        if (string.IsNullOrEmpty(vpcId))
        {
            throw Ec2Errors.Missing("vpcId");
        }

        var gateway = State.InternetGateways.Find(g => g.InternetGatewayId == gatewayId) ?? throw InternetGatewayNotFound(gatewayId);
        var vpc = State.Vpcs.Find(v => v.VpcId == vpcId) ?? throw Ec2Errors.VpcNotFound(vpcId);
        return (gateway, vpc);
    }

    private static AmazonEC2Exception InternetGatewayNotFound(string id) =>
        Ec2Errors.Error(InvalidInternetGatewayIdNotFound, $"The internetGateway ID '{id}' does not exist");

    private InternetGateway ToSdk(InternetGatewayRecord gateway) => new()
    {
        InternetGatewayId = gateway.InternetGatewayId,
        OwnerId = region.Options.AccountId,
        Attachments = gateway.AttachedVpcId is null ? null : [new InternetGatewayAttachment { VpcId = gateway.AttachedVpcId, State = AttachmentStatus.FindValue("available") }],
        Tags = Ec2Tags.ToSdk(gateway.Tags),
    };
}
