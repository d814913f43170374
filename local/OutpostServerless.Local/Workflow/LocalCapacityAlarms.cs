using System.Globalization;
using System.Text.Json.Nodes;
using OutpostServerless.Aws.CloudWatch;
using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.EventBridge;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.Workflow;

/// <summary>
/// The template's AWS/Outposts alarms evaluated on the emulated world, and their state changes delivered as
/// EventBridge does to the rules' function targets (the capacity wake-up). CloudWatch evaluates a metric alarm
/// once per period on the latest datapoint; the Outpost publishes AvailableInstanceType_Count on each 5-minute
/// boundary, so the alarm is evaluated <see cref="EvaluationDelay"/> after it, once the datapoint can be read
/// (GetMetricData's EndTime is exclusive). Missing data is not breaching (the template's TreatMissingData).
/// A change of state — OK to ALARM, or ALARM to OK — is one "CloudWatch Alarm State Change" event (CloudWatch
/// User Guide, "Alarm events and EventBridge"); staying in ALARM sends none.
/// </summary>
/// <param name="delivery">How each event reaches the targets: copies at these delays after it happened (none: lost;
/// two: duplicated; a delay past the next event: reordered). Null: once, at once.</param>
public sealed class LocalCapacityAlarms(
    SamTemplate template,
    EmulatedCloud cloud,
    VirtualClock clock,
    InProcessLambdaInvoker functions,
    Func<AlarmStateChange, IReadOnlyList<TimeSpan>>? delivery = null)
{
    /// <summary>How long after a period's boundary its datapoint is evaluated: metric data reaches CloudWatch, and alarms see it, after the fact.</summary>
    public static readonly TimeSpan EvaluationDelay = TimeSpan.FromSeconds(30);

    private readonly LocalEventBus _bus = new(template);
    private readonly IReadOnlyList<SamAlarm> _alarms = [.. template.Alarms.Where(a => a.MetricName == OutpostMetrics.AvailableInstanceTypeCount)];
    private readonly Dictionary<string, string> _states = new(StringComparer.Ordinal);
    private readonly List<AlarmStateChange> _changes = [];
    private readonly List<(DateTimeOffset Due, JsonObject Event)> _late = [];
    private readonly Lock _sync = new();

    /// <summary>Every state change so far, in order.</summary>
    public IReadOnlyList<AlarmStateChange> Changes
    {
        get
        {
            lock (_sync)
            {
                return [.. _changes];
            }
        }
    }

    /// <summary>Evaluates the alarms at every period boundary, and delivers late copies when due, until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (_alarms.Count == 0)
        {
            return;
        }

        var period = TimeSpan.FromSeconds(_alarms.Min(a => a.Period));
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var now = clock.GetUtcNow();
                var seconds = (long)period.TotalSeconds;
                var evaluation = DateTimeOffset.FromUnixTimeSeconds(((now - EvaluationDelay).ToUnixTimeSeconds() / seconds + 1) * seconds) + EvaluationDelay;
                var next = _late.Count > 0 && _late[0].Due < evaluation ? _late[0].Due : evaluation;
                await clock.Delay(next - now, cancellationToken);
                while (_late.Count > 0 && _late[0].Due <= clock.GetUtcNow())
                {
                    var late = _late[0];
                    _late.RemoveAt(0);
                    await DeliverAsync(late.Event, cancellationToken);
                }

                if (clock.GetUtcNow() >= evaluation)
                {
                    await EvaluateAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: the run it watched is over; late copies still pending have nobody left to wake.
        }
    }

    /// <summary>Evaluates every alarm now; each one whose state changed is delivered.</summary>
    public async Task EvaluateAsync(CancellationToken cancellationToken)
    {
        foreach (var alarm in _alarms)
        {
            var now = clock.GetUtcNow();
            var value = Latest(alarm, now);
            var state = value is { } v && alarm.Breaches(v) ? "ALARM" : "OK";
            var previous = _states.GetValueOrDefault(alarm.AlarmName, "INSUFFICIENT_DATA");
            if (state == previous)
            {
                continue;
            }

            _states[alarm.AlarmName] = state;
            AlarmStateChange change;
            lock (_sync)
            {
                change = new AlarmStateChange(_changes.Count, alarm.AlarmName, previous, state, value, now);
                _changes.Add(change);
            }

            foreach (var delay in delivery?.Invoke(change) ?? [TimeSpan.Zero])
            {
                var @event = Event(alarm, change);
                if (delay <= TimeSpan.Zero)
                {
                    await DeliverAsync(@event, cancellationToken);
                }
                else
                {
                    // Delivered by this same participant when due, in due order (so later events may overtake it).
                    _late.Add((clock.GetUtcNow() + delay, @event));
                    _late.Sort((a, b) => a.Due.CompareTo(b.Due));
                }
            }
        }
    }

    private async Task DeliverAsync(JsonObject @event, CancellationToken cancellationToken)
    {
        foreach (var match in _bus.Match(@event, clock.GetUtcNow()).Where(m => m.Rule.TargetKind == SamRuleTargetKind.Function && m.Input is not null))
        {
            // EventBridge invokes the function asynchronously and retries it: a function error is not the rule's.
            await functions.InvokeAsync(new TaskInvocation(template.Functions[match.Rule.TargetLogicalId].Arn, match.Input, match.Rule.RuleName, 0), cancellationToken);
        }
    }

    /// <summary>The alarm's latest datapoint, read as CloudWatch's evaluation reads it: no API call of anyone's.</summary>
    private double? Latest(SamAlarm alarm, DateTimeOffset now)
    {
        var response = cloud.MetricData(new GetMetricDataRequest
        {
            MetricDataQueries =
            [
                new MetricDataQuery
                {
                    Id = "alarm",
                    MetricStat = new MetricStat(new Metric(alarm.Namespace, alarm.MetricName, [.. alarm.Dimensions.Select(d => new Dimension(d.Key, d.Value))]), alarm.Period, alarm.Statistic),
                },
            ],
            StartTime = now.AddSeconds(-alarm.Period),
            EndTime = now,
            ScanBy = "TimestampDescending",
        });
        var result = response.MetricDataResults.Count > 0 ? response.MetricDataResults[0] : null;
        return result is { Values.Count: > 0 } ? result.Values[0] : null;
    }

    private JsonObject Event(SamAlarm alarm, AlarmStateChange change) => new()
    {
        ["version"] = "0",
        ["id"] = $"00000000-0000-4000-8000-{change.Sequence:x12}",
        ["detail-type"] = "CloudWatch Alarm State Change",
        ["source"] = "aws.cloudwatch",
        ["account"] = template.Environment.AccountId,
        ["time"] = change.At.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["region"] = template.Environment.Region,
        ["resources"] = new JsonArray(alarm.Arn),
        ["detail"] = new JsonObject
        {
            ["alarmName"] = alarm.AlarmName,
            ["state"] = new JsonObject
            {
                ["value"] = change.State,
                ["reason"] = $"Threshold Crossed: 1 out of the last 1 datapoints [{change.Value?.ToString(CultureInfo.InvariantCulture) ?? "no data"}] was evaluated against the threshold ({alarm.Threshold.ToString(CultureInfo.InvariantCulture)}).",
                ["timestamp"] = change.At.ToString("O", CultureInfo.InvariantCulture),
            },
            ["previousState"] = new JsonObject { ["value"] = change.PreviousState },
            ["configuration"] = new JsonObject
            {
                ["description"] = alarm.Description,
                ["metrics"] = new JsonArray(new JsonObject
                {
                    ["id"] = "m1",
                    ["metricStat"] = new JsonObject
                    {
                        ["metric"] = new JsonObject
                        {
                            ["namespace"] = alarm.Namespace,
                            ["name"] = alarm.MetricName,
                            ["dimensions"] = new JsonObject([.. alarm.Dimensions.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value))]),
                        },
                        ["period"] = alarm.Period,
                        ["stat"] = alarm.Statistic,
                    },
                    ["returnData"] = true,
                }),
            },
        },
    };
}

/// <summary>One alarm state change: the <paramref name="Sequence"/>-th of the run, with the datapoint that caused it.</summary>
public sealed record AlarmStateChange(int Sequence, string AlarmName, string PreviousState, string State, double? Value, DateTimeOffset At);
