using System.Text.RegularExpressions;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// Availability Zone IDs (<c>usw2-az1</c>) start with a short code of their Region (us-west-2 →
/// usw2, ap-northeast-1 → apne1, us-gov-west-1 → usgw1), so an ID from another Region can be refused
/// before EC2 refuses the subnet.
/// </summary>
public static partial class AvailabilityZoneId
{
    public const string Example = "usw2-az1";

    public static bool IsWellFormed(string id) => IdPattern().IsMatch(id);

    /// <summary>The ID prefix of <paramref name="region"/>, or null for a Region name of an unfamiliar shape.</summary>
    public static string? RegionCode(string region)
    {
        var match = RegionPattern().Match(region);
        if (!match.Success)
        {
            return null;
        }

        var direction = match.Groups["direction"].Value switch
        {
            "central" => "c",
            "north" => "n",
            "south" => "s",
            "east" => "e",
            "west" => "w",
            "northeast" => "ne",
            "northwest" => "nw",
            "southeast" => "se",
            _ => "sw",
        };
        var gov = match.Groups["gov"].Success ? "g" : string.Empty;
        return $"{match.Groups["geo"].Value}{gov}{direction}{match.Groups["number"].Value}";
    }

    /// <summary>The Region code an ID starts with: <c>usw2</c> for <c>usw2-az1</c>.</summary>
    public static string RegionCodeOf(string id) => id[..id.LastIndexOf("-az", StringComparison.Ordinal)];

    [GeneratedRegex(@"^[a-z]{2,}[0-9]+-az[0-9]+\z")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(?<geo>[a-z]{2})-(?<gov>gov-)?(?<direction>central|north|south|east|west|northeast|northwest|southeast|southwest)-(?<number>[0-9]{1,2})\z")]
    private static partial Regex RegionPattern();
}
