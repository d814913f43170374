using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.Workflow;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Tests.Queue;

/// <summary>
/// A full c5.large Outpost with provisionings waiting on it, run through the template's definition, functions and
/// capacity alarm (<see cref="QueuedProvisionings"/>), and what to read off the run.
/// </summary>
internal sealed class QueueWorld
{
    public static readonly SamTemplate Template = SamTemplate.Load(RepositoryFiles.Template, new SamEnvironment("us-west-2", "123456789012"));

    public QueueWorld()
    {
        Clock = new VirtualClock(LocalWorkflow.DefaultStart);
        Cloud = new EmulatedCloud(Clock);
        Cloud.SetFreeSlots("c5.large", 0);
    }

    public VirtualClock Clock { get; }
    public EmulatedCloud Cloud { get; }
    public DateTimeOffset Start => LocalWorkflow.DefaultStart;

    /// <summary>From <paramref name="minutes"/> after the start, exactly <paramref name="slots"/> c5.large slots are free.</summary>
    public void FreeSlotsAt(double minutes, int slots) => Cloud.ScheduleFreeSlots(Start.AddMinutes(minutes), "c5.large", slots);

    public Task<QueuedRunResult> RunAsync(IEnumerable<(string Id, int Slots)> arrivals, Func<AlarmStateChange, IReadOnlyList<TimeSpan>>? delivery = null) =>
        new QueuedProvisionings(Template, Cloud, Clock) { Delivery = delivery }.RunAsync(
            [.. arrivals.Select((a, i) => new QueuedStart(TenantRequests.WebService(Template, a.Id, a.Slots, i), a.Id, TimeSpan.FromSeconds(i + 1)))],
            CancellationToken.None);

    /// <summary>When the execution's capacity gate opened: it entered NetworkAndIam.</summary>
    public static DateTimeOffset GateOpened(ExecutionResult execution) =>
        execution.History.First(e => e.Type == "ParallelStateEntered" && e.StateName == "NetworkAndIam").Timestamp;

    public int InsufficientCapacityLaunches => Cloud.Calls.All.Count(c => c.Operation == "ec2:RunInstances" && c.ErrorCode == "InsufficientInstanceCapacity");
}
