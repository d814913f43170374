using System.Collections.Concurrent;
using OutpostServerless.Aws.Client.Calls;

namespace OutpostServerless.Aws.Tests.Testing;

/// <summary>Keeps every call it is shown, in order.</summary>
internal sealed class RecordingCallObserver : IAwsCallObserver
{
    private readonly ConcurrentQueue<AwsCall> _calls = new();

    public IReadOnlyList<AwsCall> Calls => [.. _calls];

    /// <summary>Calls per operation, counted as the emulator's call log counts them.</summary>
    public IReadOnlyDictionary<string, int> Counts =>
        _calls.GroupBy(c => c.Operation, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public void OnAnswered(AwsCall call) => _calls.Enqueue(call);
}
