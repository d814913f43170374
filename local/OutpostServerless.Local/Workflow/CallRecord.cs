using OutpostServerless.Emulator.Calls;

namespace OutpostServerless.Local.Workflow;

/// <summary>The calls a local service (one with no emulator call log of its own) has answered, each with its caller; safe across threads.</summary>
public sealed class CallRecord
{
    private readonly Lock _sync = new();
    private readonly List<ApiCall> _calls = [];

    public IReadOnlyList<ApiCall> All
    {
        get
        {
            lock (_sync)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Records a mutating call (every call these services answer changes something).</summary>
    public void Add(string? caller, string operation, DateTimeOffset at, string? errorCode)
    {
        lock (_sync)
        {
            _calls.Add(new ApiCall(_calls.Count, operation, at, IsMutating: true, errorCode) { Caller = caller });
        }
    }
}
