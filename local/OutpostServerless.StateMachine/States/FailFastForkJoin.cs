using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Clock;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.Execution;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine.States;

/// <summary>
/// The fork-join Parallel and Map share: the children run under one stop signal, the first to fail stops the
/// others, and after the join that first failure (or the execution's own stop) is what the state raises;
/// otherwise the result is the children's outputs in order.
/// </summary>
internal sealed class FailFastForkJoin(StateRun run) : IDisposable
{
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(run.CancellationToken);
    private StatesException? _firstFailure;

    /// <summary>Cancelled once a child failed (or the execution stops).</summary>
    public CancellationToken Stop => _stop.Token;

    public bool IsStopped => _stop.IsCancellationRequested;

    /// <summary>Keeps the first failure and stops the other children.</summary>
    public void Fail(StatesException error)
    {
        Interlocked.CompareExchange(ref _firstFailure, error, null);
        _stop.Cancel();
    }

    public async Task<JsonArray> RunAsync(int count, int maxConcurrency, Func<int, Strand, Task<BranchResult>> child)
    {
        var results = await run.Timeline.ForkJoinAsync(run.Strand, count, maxConcurrency, child).ConfigureAwait(false);
        run.Cursor.LastEventId = run.Execution.History.LastEventId;
        run.CancellationToken.ThrowIfCancellationRequested();
        if (_firstFailure is not null)
        {
            throw _firstFailure;
        }

        return JsonText.ArrayOf(results.Select(r => ((BranchResult.Succeeded)r).Output));
    }

    public void Dispose() => _stop.Dispose();
}
