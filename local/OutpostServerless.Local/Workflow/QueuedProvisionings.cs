using System.Text.Json.Nodes;
using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Calls;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.Workflow;

/// <summary>
/// Several provisionings sharing one emulated Outpost as they share one in a Region: each execution runs the template's
/// definition and functions, all of them issue their task tokens to one <see cref="TaskTokens"/> (one account), and
/// the template's capacity alarm is evaluated on the world and its state changes delivered to the capacity rule's
/// target, the wake-up (<see cref="LocalCapacityAlarms"/>) — or not, or twice, or late, as <see cref="Delivery"/> says.
/// </summary>
public sealed class QueuedProvisionings(SamTemplate template, EmulatedCloud cloud, VirtualClock clock)
{
    private readonly LocalWorkflow _workflow = new(template);

    /// <summary>How each alarm state change reaches the wake-up (null: once, at once; an empty list: never).</summary>
    public Func<AlarmStateChange, IReadOnlyList<TimeSpan>>? Delivery { get; init; }

    /// <summary>Whether the capacity alarm is evaluated at all: without it the provisionings only poll (their fallback re-checks).</summary>
    public bool CapacityEvents { get; init; } = true;

    /// <summary>The executions' random source for retry jitter; seeded for repeatable runs.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Starts each provisioning at its offset from now, runs them all to the end, then stops the alarm.</summary>
    public async Task<QueuedRunResult> RunAsync(IReadOnlyList<QueuedStart> starts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(starts);
        template.DeployTo(cloud);
        var tokens = new TaskTokens(clock);
        var callbacks = new LocalTaskCallbacks(tokens, clock);
        var alarms = new LocalCapacityAlarms(template, cloud, clock, new InProcessLambdaInvoker(template, cloud.PortsFor, clock, taskCallbacks: callbacks), Delivery);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ordered = starts.Select((s, i) => (Start: s, Jitter: new Random(Seed + i))).OrderBy(s => s.Start.After).ToList();
        var running = new Task<ExecutionResult>[ordered.Count];
        Task arriving;
        Task watching;
        using (clock.Hold())
        {
            watching = CapacityEvents ? clock.RunAsync(() => alarms.RunAsync(stop.Token)) : Task.CompletedTask;
            // One participant starts each provisioning at its time, so time moves to exactly then.
            arriving = clock.RunAsync(async () =>
            {
                var elapsed = TimeSpan.Zero;
                for (var i = 0; i < ordered.Count; i++)
                {
                    var (start, jitter) = ordered[i];
                    if (start.After > elapsed)
                    {
                        await clock.Delay(start.After - elapsed, cancellationToken);
                        elapsed = start.After;
                    }

                    running[i] = Execute(start, tokens, jitter, cancellationToken);
                }
            });
        }

        await arriving;
        var results = await Task.WhenAll(running);
        await stop.CancelAsync();
        await watching;
        var inStartOrder = starts.Select(s => results[ordered.FindIndex(o => ReferenceEquals(o.Start, s))]).ToList();
        return new QueuedRunResult(inStartOrder, alarms.Changes, callbacks.Calls);
    }

    private Task<ExecutionResult> Execute(QueuedStart start, TaskTokens tokens, Random jitter, CancellationToken cancellationToken) =>
        _workflow.ExecuteAsync(new LocalExecution
        {
            Cloud = cloud,
            Clock = clock,
            Request = start.Request,
            ExecutionName = start.ExecutionName,
            Tokens = tokens,
            Jitter = jitter,
        }, cancellationToken);
}

/// <summary>A provisioning request started <paramref name="After"/> the run begins.</summary>
public sealed record QueuedStart(JsonNode Request, string ExecutionName, TimeSpan After);

/// <summary>The executions (in start order), the capacity alarm's state changes, and the wake-up's SendTaskSuccess calls.</summary>
public sealed record QueuedRunResult(IReadOnlyList<ExecutionResult> Executions, IReadOnlyList<AlarmStateChange> AlarmChanges, IReadOnlyList<ApiCall> Callbacks);
