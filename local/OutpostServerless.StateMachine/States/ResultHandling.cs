using OutpostServerless.StateMachine.Paths;
using OutpostServerless.StateMachine.Retry;

namespace OutpostServerless.StateMachine.States;

/// <summary>What Task, Parallel and Map do with a result or an error alike: ResultSelector, ResultPath, Retry and Catch.</summary>
internal sealed record ResultHandling(PayloadTemplate? ResultSelector, ResultPath ResultPath, IReadOnlyList<Retrier> Retry, IReadOnlyList<Catcher> Catch)
{
    public static ResultHandling None { get; } = new(null, ResultPath.Default, [], []);
}
