using System.Collections.Frozen;

namespace OutpostServerless.Emulator.Calls;

/// <summary>
/// Every call made to the emulated services, counted per <c>service:Operation</c>, each marked
/// mutating or not, so tests can assert "a re-run made no mutating call". Observers see each call as
/// it is recorded (e.g. to crash a function right after a call succeeded).
/// </summary>
public sealed class ApiCallLog
{
    // Verbs of the AWS APIs that change something; Describe/Get/List are reads.
    private static readonly FrozenSet<string> MutatingVerbs = FrozenSet.ToFrozenSet(
    [
        "Create", "Run", "Put", "Attach", "Add", "Authorize", "Register", "Update", "Delete", "Terminate",
        "Remove", "Deregister", "Stop", "Detach", "Start", "Modify", "Revoke", "Tag", "Untag", "Associate",
        "Disassociate", "Set", "Reboot", "Replace", "Submit", "Execute", "Send", "Cancel", "Allocate", "Release",
    ]);

    private const string BookkeepingPrefix = "dynamodb:";

    private readonly Lock _sync = new();
    private readonly CallLogState _state;
    private readonly List<Action<ApiCall>> _observers = [];

    internal ApiCallLog(CallLogState state) => _state = state;

    /// <summary>Every call since the last <see cref="Reset"/>, in order.</summary>
    public IReadOnlyList<ApiCall> All
    {
        get
        {
            lock (_sync)
            {
                return [.. _state.Calls];
            }
        }
    }

    public int Total
    {
        get
        {
            lock (_sync)
            {
                return _state.Calls.Count;
            }
        }
    }

    public int MutatingTotal
    {
        get
        {
            lock (_sync)
            {
                return _state.Calls.Count(c => c.IsMutating);
            }
        }
    }

    /// <summary>Calls per operation, e.g. <c>["ec2:RunInstances"] = 2</c>.</summary>
    public IReadOnlyDictionary<string, int> Counts
    {
        get
        {
            lock (_sync)
            {
                return _state.Calls.GroupBy(c => c.Operation, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            }
        }
    }

    /// <summary>How many times <paramref name="operation"/> (<c>service:Operation</c>) was called.</summary>
    public int Count(string operation)
    {
        lock (_sync)
        {
            return _state.Calls.Count(c => string.Equals(c.Operation, operation, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// True when the operation changes the provisioned AWS resources: its verb changes state (Create, Run,
    /// Put, Delete, …). DynamoDB holds only the workflow's own bookkeeping (the provisioning records), so
    /// its writes are not counted: "a re-run made no mutating call" speaks of the resources.
    /// </summary>
    public static bool IsMutating(string operation)
    {
        if (operation.StartsWith(BookkeepingPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var name = operation[(operation.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var verbEnd = 1;
        while (verbEnd < name.Length && !char.IsUpper(name[verbEnd]))
        {
            verbEnd++;
        }

        return MutatingVerbs.Contains(name[..verbEnd]);
    }

    public void Reset()
    {
        lock (_sync)
        {
            _state.Calls.Clear();
        }
    }

    /// <summary>
    /// Calls <paramref name="observer"/> with every call recorded from now until the handle is disposed.
    /// It runs inside the world's lock, right after the call: it must be quick and must not call the cloud.
    /// </summary>
    public IDisposable Observe(Action<ApiCall> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_sync)
        {
            _observers.Add(observer);
        }

        return new Observation(this, observer);
    }

    /// <summary>The sequence number the next call will get.</summary>
    internal long NextSequence
    {
        get
        {
            lock (_sync)
            {
                return _state.Sequence + 1;
            }
        }
    }

    internal void Record(string? caller, string operation, DateTimeOffset at, string? errorCode, FaultKind? fault = null)
    {
        ApiCall call;
        Action<ApiCall>[] observers;
        lock (_sync)
        {
            _state.Sequence++;
            call = new ApiCall(_state.Sequence, operation, at, IsMutating(operation), errorCode, fault) { Caller = caller };
            _state.Calls.Add(call);
            observers = [.. _observers];
        }

        foreach (var observer in observers)
        {
            observer(call);
        }
    }

    private void Unobserve(Action<ApiCall> observer)
    {
        lock (_sync)
        {
            _observers.Remove(observer);
        }
    }

    private sealed class Observation(ApiCallLog log, Action<ApiCall> observer) : IDisposable
    {
        public void Dispose() => log.Unobserve(observer);
    }
}
