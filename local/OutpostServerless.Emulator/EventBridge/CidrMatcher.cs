using System.Net;
using System.Text.Json.Nodes;

namespace OutpostServerless.Emulator.EventBridge;

/// <summary><c>{"cidr": "10.0.0.0/24"}</c>: a string that is an IPv4 or IPv6 address inside the block.</summary>
internal sealed class CidrMatcher(IPNetwork network) : ValueMatcher
{
    public override bool Matches(JsonValue? value) =>
        IsText(value, out var text) && IPAddress.TryParse(text, out var address) && network.Contains(address);

    public static CidrMatcher Parse(string text, string path) =>
        IPNetwork.TryParse(text, out var network)
            ? new CidrMatcher(network)
            : throw new EventPatternException(path, $"cidr '{text}' is not an IPv4 or IPv6 CIDR block");
}
