using System.Text.Json;
using OutpostServerless.Aws;
using OutpostServerless.Aws.CloudWatch;
using OutpostServerless.Emulator.Calls;
using OutpostServerless.Emulator.CloudWatch;
using OutpostServerless.Emulator.DynamoDb;
using OutpostServerless.Emulator.Ec2;
using OutpostServerless.Emulator.Ecs;
using OutpostServerless.Emulator.Iam;
using OutpostServerless.Emulator.Outposts;
using OutpostServerless.Emulator.Ssm;
using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator;

/// <summary>
/// One emulated AWS Region with its Outposts, in memory: EC2, IAM, ECS, Outposts, CloudWatch, SSM
/// and DynamoDB behaving as AWS does for the calls provisioning makes. Time comes only from the injected
/// <see cref="TimeProvider"/> (the virtual clock the local Step Functions engine shares), and each
/// instance is a separate world: no static state, so two can run side by side.
/// </summary>
public sealed class EmulatedCloud
{
    private readonly EmulatedRegion _region;

    /// <summary>A fresh world as <paramref name="options"/> (default: <see cref="EmulatorOptions.Default"/>) describes it.</summary>
    public EmulatedCloud(TimeProvider clock, EmulatorOptions? options = null)
        : this(clock, NewState(clock, options ?? EmulatorOptions.Default))
    {
        _region.Locked(() => _region.Outposts.Create(_region.Options.Outposts, _region.State.CreatedAt));
    }

    private EmulatedCloud(TimeProvider clock, WorldState state)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _region = new EmulatedRegion(clock, state);
        Ports = PortsOf(caller: null);
        Faults = new FaultInjection(_region);
        Network = new NetworkSetup(_region);
    }

    /// <summary>In-process implementations of every port; each call is counted in <see cref="Calls"/>, with no caller.</summary>
    public AwsPorts Ports { get; }

    /// <summary>
    /// The ports as <paramref name="caller"/> (a function's logical id) uses them: each call is recorded with it, so a
    /// test can hold each function's IAM role against the calls that function made. Two worlds never share a caller.
    /// </summary>
    public AwsPorts PortsFor(string caller)
    {
        ArgumentException.ThrowIfNullOrEmpty(caller);
        return PortsOf(caller);
    }

    public ApiCallLog Calls => _region.Calls;

    private AwsPorts PortsOf(string? caller) => new(
        new Ec2Port(_region, caller), new EcsPort(_region, caller), new IamPort(_region, caller), new OutpostsPort(_region, caller),
        new CloudWatchPort(_region, caller), new SsmPort(_region, caller), new DynamoDbPort(_region, caller));

    /// <summary>Faults to inject into the calls: throttling, 5xx, timeouts before or after the effect, capacity taken.</summary>
    public FaultInjection Faults { get; }

    /// <summary>Networks the account had before the workflow ran (VPCs and their ways out), made without API calls.</summary>
    public NetworkSetup Network { get; }

    public EmulatorOptions Options => _region.Options;

    public TimeProvider Clock => _region.Clock;

    public string DefaultOutpostId => Options.Outposts[0].OutpostId;

    public string DefaultOutpostArn => DefaultOutpost().OutpostArn;

    /// <summary>Free slots of the type on the default Outpost right now (the truth the metric lags behind).</summary>
    public int FreeSlots(string instanceType) => _region.Locked(() => _region.Outposts.FreeSlots(DefaultOutpost(), instanceType));

    /// <summary>
    /// The metric data CloudWatch itself holds, as GetMetricData answers it, without counting as anyone's API call:
    /// what CloudWatch's own alarm evaluation reads (the local capacity alarm), not a call a function makes.
    /// </summary>
    public GetMetricDataResponse MetricData(GetMetricDataRequest request) => _region.Locked(() => _region.CloudWatch.GetMetricData(request));

    /// <summary>Makes exactly <paramref name="freeSlots"/> slots of the type free on the default Outpost, now.</summary>
    public void SetFreeSlots(string instanceType, int freeSlots) =>
        _region.Locked(() => _region.Outposts.SetFreeSlots(DefaultOutpost(), instanceType, freeSlots, _region.Now));

    /// <summary>From <paramref name="at"/> on (virtual time), exactly <paramref name="freeSlots"/> slots of the type are free.</summary>
    public void ScheduleFreeSlots(DateTimeOffset at, string instanceType, int freeSlots)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(freeSlots);
        _region.Locked(() => Schedule(new ScheduledChange(at, ScheduledChange.FreeSlots, instanceType, freeSlots)));
    }

    /// <summary>
    /// At <paramref name="at"/> (virtual time) the Outpost's other tenants give back <paramref name="slots"/> slots of
    /// the type (at most what they hold): free slots grow by that much, whatever this account launched meanwhile.
    /// </summary>
    public void ScheduleSlotsReleased(DateTimeOffset at, string instanceType, int slots)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slots);
        _region.Locked(() => Schedule(new ScheduledChange(at, ScheduledChange.SlotsReleased, instanceType, slots)));
    }

    /// <summary>Connects or disconnects the default Outpost's service link, now or at a later virtual time.</summary>
    public void SetConnected(bool connected, DateTimeOffset? at = null) =>
        _region.Locked(() => Schedule(new ScheduledChange(at ?? _region.Now, ScheduledChange.Connectivity, null, connected ? 1 : 0)));

    /// <summary>
    /// The next <paramref name="times"/> calls of <paramref name="operation"/> (<c>service:Operation</c>,
    /// e.g. <c>ecs:CreateService</c>) fail with this AWS error and change nothing.
    /// </summary>
    public void InjectFault(string operation, string errorCode, string message, int times = 1) =>
        Faults.QueueError(operation, errorCode, message, times);

    /// <summary>Every live resource carrying the tag (terminated instances, INACTIVE ECS resources and stopped tasks excluded).</summary>
    public IReadOnlyList<EmulatedResource> ResourcesTagged(string tagKey, string tagValue) =>
        Resources(tags => tags.TryGetValue(tagKey, out var value) && value == tagValue);

    /// <summary>
    /// Every live resource the account made by API calls, tagged or not: what a leak check compares before
    /// and after. AWS's own by-products (a VPC's default security group, a service's tasks) are left out.
    /// </summary>
    public IReadOnlyList<EmulatedResource> Resources() => Resources(_ => true);

    private List<EmulatedResource> Resources(Func<Dictionary<string, string>, bool> include) => _region.Locked(() =>
        _region.Ec2.Resources(include)
            .Concat(_region.Iam.Resources(include))
            .Concat(_region.Ecs.Resources(include))
            .Select(r => r with { Tags = new Dictionary<string, string>(r.Tags, StringComparer.Ordinal) })
            .ToList());

    /// <summary>
    /// A DynamoDB table as a deployed stack leaves it: ACTIVE (CloudFormation waits for that), made
    /// without an API call of the account's (not counted). Does nothing when the table exists.
    /// </summary>
    public void DeployTable(Amazon.DynamoDBv2.Model.CreateTableRequest table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _region.Locked(() =>
        {
            if (!_region.State.DynamoDb.Tables.Exists(t => t.TableName == table.TableName))
            {
                _region.DynamoDb.CreateTable(table, active: true);
            }
        });
    }

    /// <summary>What the ECS agent on an EC2 instance read from its ecs.config, once it has started.</summary>
    public EcsAgentConfig? AgentConfiguration(string ec2InstanceId) => _region.Locked(() => _region.Ecs.AgentConfiguration(ec2InstanceId));

    /// <summary>The whole world as JSON: resources, capacity and metric history, id counters, calls and pending faults.</summary>
    public string SaveState() => _region.Locked(() =>
    {
        _region.State.SavedAt = _region.Now;
        return JsonSerializer.Serialize(_region.State, JsonContext.Default.WorldState);
    });

    /// <summary>The clock time <see cref="SaveState"/> wrote: where a clock for <see cref="LoadState"/> should start.</summary>
    public static DateTimeOffset SavedClockTime(string json) => Deserialize(json).SavedAt;

    /// <summary>A world that continues from <see cref="SaveState"/>'s JSON on the given clock.</summary>
    public static EmulatedCloud LoadState(string json, TimeProvider clock)
    {
        return new EmulatedCloud(clock, Deserialize(json));
    }

    private static WorldState Deserialize(string json) =>
        JsonSerializer.Deserialize(json, JsonContext.Default.WorldState)
        ?? throw new ArgumentException("The JSON holds no emulator state.", nameof(json));

    private static WorldState NewState(TimeProvider clock, EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (options.Outposts.Count == 0)
        {
            throw new ArgumentException("The emulated Region needs at least one Outpost.", nameof(options));
        }

        var unknownZone = options.Outposts.FirstOrDefault(o => !options.AvailabilityZones.Any(z => z.ZoneName == o.AvailabilityZone && z.ZoneId == o.AvailabilityZoneId));
        if (unknownZone is not null)
        {
            throw new ArgumentException($"Outpost {unknownZone.OutpostId} is anchored to {unknownZone.AvailabilityZone} ({unknownZone.AvailabilityZoneId}), which is not one of the Region's Availability Zones.", nameof(options));
        }

        return new WorldState { Options = options, CreatedAt = clock.GetUtcNow() };
    }

    private OutpostRecord DefaultOutpost() => _region.Outposts.Require(DefaultOutpostId);

    private void Schedule(ScheduledChange change)
    {
        var outpost = DefaultOutpost();
        if (change.At <= _region.Now)
        {
            // Due now: applied at once, stamped now (history is never rewritten).
            _region.Outposts.Schedule(outpost, change with { At = _region.Now });
            _region.Outposts.Advance(_region.Now);
        }
        else
        {
            _region.Outposts.Schedule(outpost, change);
        }
    }
}
