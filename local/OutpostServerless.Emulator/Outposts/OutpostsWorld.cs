using System.Globalization;
using System.Text.RegularExpressions;
using OutpostServerless.Aws.Outposts;
using OutpostServerless.Emulator.Ec2;
using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator.Outposts;

/// <summary>
/// Outposts and their capacity. Free slots of a type = configured slots on ACTIVE hosts − slots
/// held by this account's live instances − slots other tenants hold. Every change is written to
/// the metric history at the instant it happens, which is what CloudWatch later samples.
/// </summary>
internal sealed partial class OutpostsWorld(EmulatedRegion region)
{
    private List<OutpostRecord> Outposts => region.State.Outposts.Outposts;

    public void Create(IEnumerable<OutpostOption> options, DateTimeOffset at)
    {
        foreach (var option in options)
        {
            var outpost = new OutpostRecord
            {
                OutpostId = option.OutpostId,
                OutpostArn = option.OwnerAccountId is { } owner && owner != region.Options.AccountId
                    ? $"arn:aws:outposts:{region.Options.Region}:{owner}:outpost/{option.OutpostId}"
                    : region.Arn("outposts", $"outpost/{option.OutpostId}"),
                SharedByAccountId = option.OwnerAccountId == region.Options.AccountId ? null : option.OwnerAccountId,
                Name = option.Name,
                SiteId = option.SiteId,
                LifeCycleStatus = option.LifeCycleStatus,
                AvailabilityZone = option.AvailabilityZone,
                AvailabilityZoneId = option.AvailabilityZoneId,
                SupportedHardwareType = option.SupportedHardwareType,
                Connected = option.Connected,
                Hosts = [.. option.Hosts.Select(h => new HostRecord
                {
                    AssetId = h.AssetId,
                    HostId = h.HostId,
                    RackId = h.RackId,
                    Capacities = new Dictionary<string, int>(h.InstanceTypeCapacities, StringComparer.Ordinal),
                })],
            };
            Outposts.Add(outpost);
            Record(outpost, at);
        }
    }

    public OutpostRecord? FindByArn(string? arn) => arn is null ? null : Outposts.Find(o => string.Equals(o.OutpostArn, arn, StringComparison.Ordinal));

    /// <summary>By id or ARN, as the Outposts API accepts; ValidationException / NotFoundException as AWS.</summary>
    public OutpostRecord Require(string? idOrArn)
    {
        if (string.IsNullOrEmpty(idOrArn) || !OutpostIdentifier().IsMatch(idOrArn))
        {
            throw OutpostsErrors.Validation($"1 validation error detected: Value '{idOrArn}' at 'outpostId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(arn:aws([a-z-]+)?:outposts:[a-z\\d-]+:\\d{{12}}:outpost/)?op-[a-f0-9]{{17}}$");
        }

        return Outposts.Find(o => o.OutpostId == idOrArn || o.OutpostArn == idOrArn)
            ?? throw OutpostsErrors.NotFound($"Outpost {idOrArn} not found.");
    }

    public int ConfiguredSlots(OutpostRecord outpost, string instanceType) =>
        outpost.Hosts.Where(h => h.State == "ACTIVE").Sum(h => h.Capacities.GetValueOrDefault(instanceType));

    public bool Supports(OutpostRecord outpost, string instanceType) => outpost.Hosts.Any(h => h.Capacities.GetValueOrDefault(instanceType) > 0);

    public int FreeSlots(OutpostRecord outpost, string instanceType) => Math.Max(0,
        ConfiguredSlots(outpost, instanceType) - region.Ec2.SlotsInUse(outpost.OutpostArn, instanceType) - outpost.OtherTenantSlots.GetValueOrDefault(instanceType));

    /// <summary>
    /// Makes exactly <paramref name="freeSlots"/> free: other tenants take or release slots; when more
    /// are asked for than the hosts have, the first host is configured with more.
    /// </summary>
    public void SetFreeSlots(OutpostRecord outpost, string instanceType, int freeSlots, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(freeSlots);
        var used = region.Ec2.SlotsInUse(outpost.OutpostArn, instanceType);
        var other = ConfiguredSlots(outpost, instanceType) - used - freeSlots;
        if (other < 0)
        {
            var host = outpost.Hosts.FirstOrDefault(h => h.State == "ACTIVE")
                ?? throw new InvalidOperationException($"Outpost {outpost.OutpostId} has no ACTIVE host to add {instanceType} slots to.");
            host.Capacities[instanceType] = host.Capacities.GetValueOrDefault(instanceType) - other;
            other = 0;
        }

        outpost.OtherTenantSlots[instanceType] = other;
        Record(outpost, at);
    }

    public void SetConnected(OutpostRecord outpost, bool connected, DateTimeOffset at)
    {
        outpost.Connected = connected;
        Record(outpost, at);
    }

    public void Schedule(OutpostRecord outpost, ScheduledChange change) => outpost.Scheduled.Add(change);

    /// <summary>Applies scheduled changes that are due, each at its own instant (so history is exact).</summary>
    public void Advance(DateTimeOffset now)
    {
        foreach (var outpost in Outposts)
        {
            var due = outpost.Scheduled.Where(c => c.At <= now).OrderBy(c => c.At).ToList();
            foreach (var change in due)
            {
                outpost.Scheduled.Remove(change);
                if (change.Kind == ScheduledChange.Connectivity)
                {
                    SetConnected(outpost, change.Value != 0, change.At);
                }
                else if (change.Kind == ScheduledChange.SlotsReleased)
                {
                    var held = outpost.OtherTenantSlots.GetValueOrDefault(change.InstanceType!);
                    SetFreeSlots(outpost, change.InstanceType!, FreeSlots(outpost, change.InstanceType!) + Math.Min(change.Value, held), change.At);
                }
                else
                {
                    SetFreeSlots(outpost, change.InstanceType!, change.Value, change.At);
                }
            }
        }
    }

    /// <summary>Writes the metrics' current values to the history (only what changed).</summary>
    public void Record(OutpostRecord outpost, DateTimeOffset at)
    {
        Append(outpost, at, OutpostMetrics.ConnectedStatus, null, outpost.Connected ? 1 : 0);
        // Hosts never lose a type, so these are all the series there have ever been.
        var types = outpost.Hosts.SelectMany(h => h.Capacities.Keys).Concat(outpost.OtherTenantSlots.Keys).Distinct(StringComparer.Ordinal);
        foreach (var type in types)
        {
            Append(outpost, at, OutpostMetrics.AvailableInstanceTypeCount, type, FreeSlots(outpost, type));
        }
    }

    /// <summary>
    /// The value a metric had at <paramref name="at"/>, or null when no datapoint exists then: the
    /// capacity metric is not delivered while the Outpost is disconnected. Before the first sample
    /// the first value holds (the Outpost existed long before the emulator started).
    /// </summary>
    public double? ValueAt(OutpostRecord outpost, string metricName, string? instanceType, DateTimeOffset at)
    {
        var value = Series(outpost, metricName, instanceType, at);
        if (value is null || metricName == OutpostMetrics.ConnectedStatus)
        {
            return value;
        }

        return Series(outpost, OutpostMetrics.ConnectedStatus, null, at) == 1 ? value : null;
    }

    private static double? Series(OutpostRecord outpost, string metricName, string? instanceType, DateTimeOffset at)
    {
        OutpostSample? first = null;
        OutpostSample? last = null;
        foreach (var sample in outpost.History)
        {
            if (sample.MetricName != metricName || sample.InstanceType != instanceType)
            {
                continue;
            }

            first ??= sample;
            if (sample.At <= at)
            {
                last = sample;
            }
        }

        return (last ?? first)?.Value;
    }

    private static void Append(OutpostRecord outpost, DateTimeOffset at, string metricName, string? instanceType, double value)
    {
        var previous = outpost.History.LastOrDefault(s => s.MetricName == metricName && s.InstanceType == instanceType);
        if (previous is null || previous.Value != value)
        {
            outpost.History.Add(new OutpostSample(at, metricName, instanceType, value));
        }
    }

    // ---- the Outposts API ----

    public GetOutpostResponse GetOutpost(GetOutpostRequest request) => new(ToModel(Require(request.OutpostId)));

    /// <summary>Every Outpost of the Region this account owns or is shared, filtered by all the filters given (each filter matches any of its values).</summary>
    public ListOutpostsResponse ListOutposts(ListOutpostsRequest request)
    {
        static bool Matches(IReadOnlyList<string> filter, string value) => filter.Count == 0 || filter.Contains(value, StringComparer.Ordinal);
        var outposts = Outposts
            .Where(o => Matches(request.LifeCycleStatusFilter, o.LifeCycleStatus)
                && Matches(request.AvailabilityZoneFilter, o.AvailabilityZone)
                && Matches(request.AvailabilityZoneIdFilter, o.AvailabilityZoneId))
            .Select(ToModel)
            .ToList();
        var (page, next) = Page(outposts, request.MaxResults, request.NextToken, "outposts");
        return new ListOutpostsResponse(page, next);
    }

    public GetOutpostInstanceTypesResponse GetOutpostInstanceTypes(GetOutpostInstanceTypesRequest request)
    {
        var outpost = Require(request.OutpostId);
        var types = outpost.Hosts.SelectMany(h => h.Capacities.Where(c => c.Value > 0).Select(c => c.Key))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(t => new InstanceTypeItem(t, InstanceTypeCatalog.Find(t)?.VCpus))
            .ToList();
        var (page, next) = Page(types, request.MaxResults, request.NextToken, outpost.OutpostId);
        return new GetOutpostInstanceTypesResponse
        {
            InstanceTypes = page,
            NextToken = next,
            OutpostId = outpost.OutpostId,
            OutpostArn = outpost.OutpostArn,
        };
    }

    public ListAssetsResponse ListAssets(ListAssetsRequest request)
    {
        var outpost = Require(request.OutpostIdentifier);
        var assets = outpost.Hosts
            .Where(h => request.StatusFilter.Count == 0 || request.StatusFilter.Contains(h.State, StringComparer.Ordinal))
            .Select(h => new AssetInfo
            {
                AssetId = h.AssetId,
                RackId = h.RackId,
                AssetType = "COMPUTE",
                ComputeAttributes = new ComputeAttributes
                {
                    HostId = h.HostId,
                    State = h.State,
                    InstanceFamilies = [.. h.Capacities.Keys.Select(t => t.Split('.')[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                    InstanceTypeCapacities = [.. h.Capacities.Where(c => c.Value > 0).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new InstanceTypeCapacity(c.Key, c.Value))],
                    MaxVcpus = h.Capacities.Sum(c => c.Value * (InstanceTypeCatalog.Find(c.Key)?.VCpus ?? 0)),
                },
            })
            .ToList();
        var (page, next) = Page(assets, request.MaxResults, request.NextToken, outpost.OutpostId);
        return new ListAssetsResponse(page, next);
    }

    /// <summary>A page of <paramref name="items"/>; the token names its <paramref name="scope"/> (an Outpost, or the list of Outposts).</summary>
    private static (List<T> Page, string? Next) Page<T>(List<T> items, int? maxResults, string? nextToken, string scope)
    {
        if (maxResults is < 1 or > 1000)
        {
            throw OutpostsErrors.Validation($"1 validation error detected: Value '{maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 1000");
        }

        var start = 0;
        if (nextToken is not null)
        {
            var match = PageToken().Match(nextToken);
            if (!match.Success || match.Groups[2].Value != scope || !int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out start) || start > items.Count)
            {
                throw OutpostsErrors.Validation("Invalid NextToken.");
            }
        }

        var size = maxResults ?? 1000;
        var page = items.Skip(start).Take(size).ToList();
        var next = start + size < items.Count ? $"{start + size}##{scope}" : null;
        return (page, next);
    }

    private Outpost ToModel(OutpostRecord o) => new()
    {
        OutpostId = o.OutpostId,
        OutpostArn = o.OutpostArn,
        OwnerId = o.SharedByAccountId ?? region.Options.AccountId,
        Name = o.Name,
        SiteId = o.SiteId,
        LifeCycleStatus = o.LifeCycleStatus,
        AvailabilityZone = o.AvailabilityZone,
        AvailabilityZoneId = o.AvailabilityZoneId,
        SupportedHardwareType = o.SupportedHardwareType,
    };

    [GeneratedRegex(@"^(arn:aws([a-z-]+)?:outposts:[a-z\d-]+:\d{12}:outpost/)?op-[a-f0-9]{17}$")]
    private static partial Regex OutpostIdentifier();

    [GeneratedRegex(@"^(\d+)##(\S+)$")]
    private static partial Regex PageToken();
}
