using System.Text.Json.Nodes;
using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// Security group ingress rules as EC2 takes them (ports per protocol, a parseable source CIDR, no
/// repeats), and no SSH open to the whole internet unless the request says so explicitly.
/// </summary>
internal sealed class SecurityGroupRule : IRequestRule
{
    public const int SshPort = 22;
    private const int MaxPort = 65535;
    private const int MaxIcmp = 255;

    public void Check(RequestDocument request, ICollection<FieldError> errors)
    {
        if (JsonMember.Array(request.Network, "ingress") is not { } rules)
        {
            return;
        }

        var sshAllowed = JsonMember.Bool(request.Network, "allowSshFromAnywhere") == true;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not JsonObject rule)
            {
                continue;
            }

            var path = RequestDocument.NetworkPath.Member("ingress").Index(i);
            var resolved = Resolve(rule, path, errors);
            var cidr = ParseSource(rule, path, errors);
            if (resolved is not { } ports || cidr is null)
            {
                continue;
            }

            if (!sshAllowed && cidr.IsEverywhere && OpensSsh(ports))
            {
                errors.Add(new FieldError(
                    path.Member("cidr").ToString(),
                    $"opens port {SshPort} (SSH) to the whole internet ({cidr}) with protocol {ports.Protocol} {ports.From}-{ports.To}",
                    "write a narrower cidr, such as the subnet's own CIDR or your office network; if SSH from anywhere is really intended, set network.allowSshFromAnywhere: true"));
            }

            var key = $"{ports.Protocol}|{ports.From}|{ports.To}|{cidr}";
            if (!seen.TryAdd(key, i))
            {
                errors.Add(new FieldError(
                    path.ToString(),
                    $"repeats network.ingress[{seen[key]}] ({ports.Protocol} {ports.From}-{ports.To} from {cidr}); EC2 refuses duplicate rules",
                    "remove one of the two rules"));
            }
        }
    }

    /// <summary>The EC2 form of a rule's protocol and ports, with defaults: toPort = fromPort (tcp/udp), -1 (icmp).</summary>
    public static (string Protocol, int From, int To)? Resolve(JsonObject rule, FieldPath path, ICollection<FieldError> errors)
    {
        var protocol = JsonMember.String(rule, "protocol");
        var hasFrom = JsonMember.Has(rule, "fromPort");
        var hasTo = JsonMember.Has(rule, "toPort");
        var from = JsonMember.Int(rule, "fromPort", path, errors);
        var to = JsonMember.Int(rule, "toPort", path, errors);
        if ((hasFrom && from is null) || (hasTo && to is null))
        {
            return null;
        }

        var count = errors.Count;
        switch (protocol)
        {
            case "tcp" or "udp":
                if (from is null)
                {
                    errors.Add(new FieldError(
                        path.Member("fromPort").ToString(),
                        $"is required for protocol {protocol}",
                        $"add fromPort (and toPort for a range), 0 to {MaxPort}, e.g. \"fromPort\": 443"));
                    return null;
                }

                to ??= from;
                var inRange = CheckRange(path, "fromPort", from.Value, 0, MaxPort, $"a {protocol} port", errors)
                    & CheckRange(path, "toPort", to.Value, 0, MaxPort, $"a {protocol} port", errors);
                if (inRange && from > to)
                {
                    errors.Add(new FieldError(
                        path.Member("toPort").ToString(),
                        $"{to} is below fromPort {from}",
                        $"write the range low to high: fromPort {to}, toPort {from}"));
                }

                break;
            case "icmp":
                from ??= -1;
                to ??= -1;
                CheckRange(path, "fromPort", from.Value, -1, MaxIcmp, "an ICMP type (or -1 for all)", errors);
                CheckRange(path, "toPort", to.Value, -1, MaxIcmp, "an ICMP code (or -1 for all)", errors);
                if (from == -1 && to != -1)
                {
                    errors.Add(new FieldError(
                        path.Member("toPort").ToString(),
                        $"is the ICMP code {to}, but fromPort -1 means all ICMP types, which EC2 only takes with all codes",
                        "write toPort -1 (or leave it out), or give fromPort a single ICMP type such as 8 (echo request)"));
                }

                break;
            case "-1":
                foreach (var (name, value) in new[] { ("fromPort", from), ("toPort", to) })
                {
                    if (value is not null and not -1)
                    {
                        errors.Add(new FieldError(
                            path.Member(name).ToString(),
                            $"is {value}, but protocol -1 allows all traffic on all ports; EC2 would ignore the port",
                            "leave out fromPort and toPort, or choose protocol tcp or udp to open only a port range"));
                    }
                }

                from = to = -1;
                break;
            default:
                return null;
        }

        return errors.Count == count ? (protocol, from.Value, to.Value) : null;
    }

    private static Cidr? ParseSource(JsonObject rule, FieldPath path, ICollection<FieldError> errors)
    {
        if (JsonMember.String(rule, "cidr") is not { } text)
        {
            return null;
        }

        if (Cidr.TryParseAny(text, out var cidr, out var problem))
        {
            return cidr;
        }

        errors.Add(new FieldError(
            path.Member("cidr").ToString(),
            $"{ValueText.Of(text)} {problem}",
            "write the source as an IPv4 or IPv6 CIDR, e.g. 10.0.3.0/24 or 2001:db8::/32"));
        return null;
    }

    private static bool OpensSsh((string Protocol, int From, int To) ports) =>
        ports.Protocol == "-1" || (ports.Protocol == "tcp" && ports.From <= SshPort && SshPort <= ports.To);

    private static bool CheckRange(FieldPath path, string name, int value, int min, int max, string what, ICollection<FieldError> errors)
    {
        if (value >= min && value <= max)
        {
            return true;
        }

        errors.Add(new FieldError(
            path.Member(name).ToString(),
            $"{value} is not {what}",
            $"write a number from {min} to {max}"));
        return false;
    }
}
