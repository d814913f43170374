using Amazon.EC2;
using Amazon.EC2.Model;

namespace OutpostServerless.Emulator.Ec2;

/// <summary>The Region's Availability Zones, as the runbook's <c>aws ec2 describe-availability-zones</c> reads them.</summary>
internal sealed partial class Ec2World
{
    private readonly Ec2Filters<AvailabilityZoneOption> _zoneFilters = new(
        new Dictionary<string, Func<AvailabilityZoneOption, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["zone-name"] = z => [z.ZoneName],
            ["zone-id"] = z => [z.ZoneId],
            ["region-name"] = _ => [region.Options.Region],
            ["state"] = _ => ["available"],
            ["zone-type"] = _ => ["availability-zone"],
            ["opt-in-status"] = _ => ["opt-in-not-required"],
            ["group-name"] = _ => [region.Options.Region],
        },
        _ => NoTags);

    public DescribeAvailabilityZonesResponse DescribeAvailabilityZones(DescribeAvailabilityZonesRequest request)
    {
        var matches = _zoneFilters.Compile(request.Filters);
        var names = request.ZoneNames ?? [];
        var ids = request.ZoneIds ?? [];
        var zones = region.Options.AvailabilityZones;
        foreach (var unknown in names.Where(n => !zones.Any(z => z.ZoneName == n)).Concat(ids.Where(i => !zones.Any(z => z.ZoneId == i))))
        {
            throw Ec2Errors.InvalidValue($"The zone '{unknown}' does not exist.");
        }

        return new DescribeAvailabilityZonesResponse
        {
            AvailabilityZones = zones
                .Where(z => (names.Count == 0 || names.Contains(z.ZoneName)) && (ids.Count == 0 || ids.Contains(z.ZoneId)) && matches(z))
                .Select(z => new AvailabilityZone
                {
                    ZoneName = z.ZoneName,
                    ZoneId = z.ZoneId,
                    RegionName = region.Options.Region,
                    State = AvailabilityZoneState.Available,
                    OptInStatus = AvailabilityZoneOptInStatus.OptInNotRequired,
                    GroupName = region.Options.Region,
                    NetworkBorderGroup = region.Options.Region,
                    ZoneType = "availability-zone",
                })
                .ToList(),
        };
    }
}
