using Amazon.EC2;
using Amazon.EC2.Model;
using OutpostServerless.Aws.Ec2;

namespace OutpostServerless.Emulator.Ec2;

internal sealed partial class Ec2World
{
    private readonly Ec2Filters<VpcRecord> _vpcFilters = new(
        new Dictionary<string, Func<VpcRecord, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["vpc-id"] = v => [v.VpcId],
            ["cidr"] = v => [v.CidrBlock],
            ["cidr-block-association.cidr-block"] = v => [v.CidrBlock],
            ["cidr-block-association.association-id"] = v => [v.CidrAssociationId],
            ["cidr-block-association.state"] = _ => ["associated"],
            ["dhcp-options-id"] = v => [v.DhcpOptionsId],
            ["is-default"] = _ => ["false"],
            ["state"] = _ => ["available"],
            ["owner-id"] = _ => [region.Options.AccountId],
        },
        v => v.Tags);

    public CreateVpcResponse CreateVpc(CreateVpcRequest request)
    {
        if (string.IsNullOrEmpty(request.CidrBlock))
        {
            throw Ec2Errors.Missing("cidrBlock");
        }

        var cidr = Cidr.Parse(request.CidrBlock) ?? throw Ec2Errors.InvalidCidr("cidrBlock", request.CidrBlock);
        if (cidr.Prefix is < 16 or > 28)
        {
            throw Ec2Errors.Error(Ec2ErrorCodes.InvalidVpcRange, $"The CIDR '{request.CidrBlock}' is invalid.");
        }

        var tenancy = request.InstanceTenancy?.Value ?? "default";
        if (tenancy is not ("default" or "dedicated"))
        {
            throw Ec2Errors.InvalidValue($"The tenancy value {tenancy} is not supported.");
        }

        var tags = Ec2Tags.From(request.TagSpecifications, "vpc");
        var vpc = new VpcRecord
        {
            VpcId = "vpc-" + region.Ids.Hex("vpc", 17),
            CidrBlock = cidr.ToString(),
            CidrAssociationId = "vpc-cidr-assoc-" + region.Ids.Hex("vpc-cidr-assoc", 17),
            DhcpOptionsId = "dopt-" + region.Ids.Hex("dopt", 17),
            InstanceTenancy = tenancy,
            Tags = tags,
        };
        State.Vpcs.Add(vpc);

        // Every VPC comes with its "default" security group: all traffic from itself, all out.
        var defaultGroupId = "sg-" + region.Ids.Hex("sg", 17);
        State.SecurityGroups.Add(new SecurityGroupRecord
        {
            GroupId = defaultGroupId,
            GroupName = "default",
            Description = "default VPC security group",
            VpcId = vpc.VpcId,
            Ingress = [new SecurityGroupRuleRecord { RuleId = NewRuleId(), Protocol = "-1", ReferencedGroupId = defaultGroupId }],
            Egress = [AllTrafficOut()],
        });

        NewRouteTable(vpc, main: true, []);
        var created = ToSdk(vpc);
        created.State = VpcState.Pending;
        return new CreateVpcResponse { Vpc = created };
    }

    public DescribeVpcsResponse DescribeVpcs(DescribeVpcsRequest request)
    {
        var matches = _vpcFilters.Compile(request.Filters);
        var ids = request.VpcIds ?? [];
        foreach (var id in ids)
        {
            if (!State.Vpcs.Exists(v => v.VpcId == id))
            {
                throw Ec2Errors.VpcNotFound(id);
            }
        }

        var vpcs = State.Vpcs.Where(v => (ids.Count == 0 || ids.Contains(v.VpcId)) && matches(v)).ToList();
        var (page, next) = Ec2Paging.Page(vpcs, request.MaxResults, request.NextToken);
        return new DescribeVpcsResponse { Vpcs = NullIfEmpty(page.ConvertAll(ToSdk)), NextToken = next };
    }

    public DeleteVpcResponse DeleteVpc(DeleteVpcRequest request)
    {
        if (string.IsNullOrEmpty(request.VpcId))
        {
            throw Ec2Errors.Missing("vpcId");
        }

        var vpc = State.Vpcs.Find(v => v.VpcId == request.VpcId) ?? throw Ec2Errors.VpcNotFound(request.VpcId);
        // What the VPC user guide says must go first: subnets, groups, gateways, extra route tables, endpoints.
        var dependents = State.Subnets.Exists(s => s.VpcId == vpc.VpcId)
            || State.SecurityGroups.Exists(g => g.VpcId == vpc.VpcId && g.GroupName != "default")
            || State.InternetGateways.Exists(g => g.AttachedVpcId == vpc.VpcId)
            || State.RouteTables.Exists(t => t.VpcId == vpc.VpcId && !t.Main)
            || State.LocalGatewayVpcAssociations.Exists(a => a.VpcId == vpc.VpcId)
            || State.VpcEndpoints.Exists(e => e.VpcId == vpc.VpcId);
        if (dependents)
        {
            throw Ec2Errors.Error(Ec2ErrorCodes.DependencyViolation, $"The vpc '{vpc.VpcId}' has dependencies and cannot be deleted.");
        }

        State.SecurityGroups.RemoveAll(g => g.VpcId == vpc.VpcId);
        State.RouteTables.RemoveAll(t => t.VpcId == vpc.VpcId);
        State.Vpcs.Remove(vpc);
        return new DeleteVpcResponse();
    }

    private Vpc ToSdk(VpcRecord vpc) => new()
    {
        VpcId = vpc.VpcId,
        CidrBlock = vpc.CidrBlock,
        State = VpcState.Available,
        DhcpOptionsId = vpc.DhcpOptionsId,
        InstanceTenancy = Tenancy.FindValue(vpc.InstanceTenancy),
        IsDefault = false,
        OwnerId = region.Options.AccountId,
        CidrBlockAssociationSet =
        [
            new VpcCidrBlockAssociation
            {
                AssociationId = vpc.CidrAssociationId,
                CidrBlock = vpc.CidrBlock,
                CidrBlockState = new VpcCidrBlockState { State = VpcCidrBlockStateCode.Associated },
            },
        ],
        Tags = Ec2Tags.ToSdk(vpc.Tags),
    };
}
