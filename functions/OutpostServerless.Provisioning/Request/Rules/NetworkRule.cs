using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Request;

/// <summary>The VPC and subnet: IPv4 CIDRs EC2 accepts (/16 to /28), the subnet inside the VPC.</summary>
internal sealed partial class NetworkRule : IRequestRule
{
    public const int MinPrefixLength = 16;
    public const int MaxPrefixLength = 28;

    public void Check(RequestDocument request, ICollection<FieldError> errors)
    {
        var network = request.Network;
        var path = RequestDocument.NetworkPath;
        if (JsonMember.String(network, "vpcId") is { } vpcId && !VpcIdPattern().IsMatch(vpcId))
        {
            errors.Add(new FieldError(
                path.Member("vpcId").ToString(),
                $"{ValueText.Of(vpcId)} is not a VPC ID",
                "write the ID of an existing VPC, vpc- and 8 or 17 lowercase hex digits, e.g. vpc-0a1b2c3d4e5f67890"));
        }

        var vpc = ParseBlock(network, "vpcCidr", path, "10.0.0.0/16", errors);
        var subnet = ParseBlock(network, "subnetCidr", path, "10.0.3.0/24", errors);
        // With vpcId as well, vpcCidr is the mistake (the schema says so); do not also blame the subnet.
        if (vpc is not null && subnet is not null && !JsonMember.Has(network, "vpcId") && !vpc.Contains(subnet))
        {
            errors.Add(new FieldError(
                path.Member("subnetCidr").ToString(),
                $"{subnet} is not inside the VPC's CIDR {vpc}",
                $"write a subnetCidr inside {vpc}, e.g. {ExampleSubnetOf(vpc)}"));
        }
    }

    private static Cidr? ParseBlock(JsonObject? network, string name, FieldPath path, string example, ICollection<FieldError> errors)
    {
        if (JsonMember.String(network, name) is not { } text)
        {
            return null;
        }

        var field = path.Member(name).ToString();
        var fix = $"write an IPv4 CIDR from /{MinPrefixLength} to /{MaxPrefixLength}, e.g. {example}";
        if (!Cidr.TryParseIpv4(text, out var cidr, out var problem))
        {
            errors.Add(new FieldError(field, $"{ValueText.Of(text)} {problem}", fix));
            return null;
        }

        if (cidr.PrefixLength is < MinPrefixLength or > MaxPrefixLength)
        {
            errors.Add(new FieldError(
                field,
                $"{cidr} is a /{cidr.PrefixLength}; EC2 allows /{MinPrefixLength} (65,536 addresses) to /{MaxPrefixLength} (16 addresses)",
                fix));
            return null;
        }

        return cidr;
    }

    private static string ExampleSubnetOf(Cidr vpc)
    {
        var prefix = Math.Max(vpc.PrefixLength, Math.Min(24, MaxPrefixLength));
        var first = vpc.ToString().Split('/')[0];
        return $"{first}/{prefix}";
    }

    [GeneratedRegex(@"^vpc-[0-9a-f]{8}([0-9a-f]{9})?\z")]
    private static partial Regex VpcIdPattern();
}
