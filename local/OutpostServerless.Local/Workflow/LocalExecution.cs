using System.Text.Json.Nodes;
using OutpostServerless.Aws;
using OutpostServerless.Emulator;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.Workflow;

/// <summary>
/// One execution on a world the caller owns: several executions may share one <see cref="Cloud"/> and one
/// <see cref="Clock"/> (start them under <see cref="VirtualClock.Hold"/> to start them at the same
/// instant), and the caller can wrap the invoker, e.g. to make a function crash after an AWS call.
/// </summary>
public sealed record LocalExecution
{
    public required EmulatedCloud Cloud { get; init; }
    /// <summary>The clock <see cref="Cloud"/> was made with: a <see cref="VirtualClock"/>, or real time (<c>emulator serve</c>).</summary>
    public required TimeProvider Clock { get; init; }
    public required JsonNode? Request { get; init; }
    public required string ExecutionName { get; init; }
    /// <summary>Wraps the in-process Lambda invoker; null invokes the functions as they are.</summary>
    public Func<ITaskInvoker, ITaskInvoker>? WrapInvoker { get; init; }
    /// <summary>The execution's random source (retry jitter): seed it for repeatable runs.</summary>
    public Random? Jitter { get; init; }
    public Action<HistoryEvent>? Observer { get; init; }
    /// <summary>
    /// The ports the steps call; null: <see cref="Cloud"/>'s in-process ports. E.g. real clients pointed at an
    /// <c>EmulatorServer</c> over <see cref="Cloud"/>, so the same world is reached over HTTP.
    /// </summary>
    public AwsPorts? Ports { get; init; }
    /// <summary>
    /// The task tokens its runner issues: share one among the executions of a world so a SendTaskSuccess (the
    /// capacity wake-up's) reaches whichever execution parked; null: the execution's own.
    /// </summary>
    public TaskTokens? Tokens { get; init; }
}
