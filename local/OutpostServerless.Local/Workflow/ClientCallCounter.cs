using OutpostServerless.Aws.Client.Calls;
using OutpostServerless.Emulator.Calls;

namespace OutpostServerless.Local.Workflow;

/// <summary>
/// A run's AWS calls counted on the client side, for an endpoint whose own call log is out of reach:
/// one call per answered attempt, keyed <c>service:Operation</c> and judged mutating by the same rule
/// as the embedded emulator's <see cref="ApiCallLog"/>, so both kinds of run report alike.
/// </summary>
public sealed class ClientCallCounter : IAwsCallObserver
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Calls per operation, e.g. <c>["ec2:RunInstances"] = 2</c>.</summary>
    public IReadOnlyDictionary<string, int> Counts
    {
        get
        {
            lock (_sync)
            {
                return new Dictionary<string, int>(_counts, StringComparer.Ordinal);
            }
        }
    }

    public int MutatingTotal
    {
        get
        {
            lock (_sync)
            {
                return _counts.Where(c => ApiCallLog.IsMutating(c.Key)).Sum(c => c.Value);
            }
        }
    }

    public void OnAnswered(AwsCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        lock (_sync)
        {
            _counts[call.Operation] = _counts.GetValueOrDefault(call.Operation) + 1;
        }
    }
}
