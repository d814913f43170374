namespace OutpostServerless.Provisioning.Tests.Steps.Racing;

/// <summary>
/// A meeting point per operation name: each racer's first call of the operation, once answered, waits
/// until every racer has made that call too. Gives the worst interleaving of two attempts (both look
/// before either creates) deterministically, instead of hoping a scheduler finds it.
/// </summary>
public sealed class Rendezvous(int racers, params string[] operations)
{
    // A racer that never arrives is a broken test, not a reason to hang the suite.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Lock _sync = new();
    private readonly Dictionary<string, (int Arrived, TaskCompletionSource AllThere)> _meetings = [];

    public IReadOnlySet<string> Operations { get; } = operations.ToHashSet(StringComparer.Ordinal);

    public Task ArriveAsync(string operation)
    {
        lock (_sync)
        {
            var (arrived, allThere) = _meetings.TryGetValue(operation, out var meeting)
                ? meeting
                : (0, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            arrived++;
            _meetings[operation] = (arrived, allThere);
            if (arrived == racers)
            {
                allThere.TrySetResult();
            }

            return allThere.Task.WaitAsync(Patience);
        }
    }
}
