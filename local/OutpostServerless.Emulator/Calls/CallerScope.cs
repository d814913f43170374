namespace OutpostServerless.Emulator.Calls;

/// <summary>
/// Who is calling the emulated services right now: a Lambda function's logical id, set by whoever
/// invokes it (the in-process invoker) around the invocation. <see cref="ApiCallLog"/> records it with
/// each call, so a test can hold each function's IAM role against the calls that function made. It
/// flows with the async call, so Parallel branches keep their own callers.
/// </summary>
public static class CallerScope
{
    private static readonly AsyncLocal<string?> Caller = new();

    /// <summary>The caller of the current async flow; null outside any scope.</summary>
    public static string? Current => Caller.Value;

    /// <summary>Calls made until the returned handle is disposed are attributed to <paramref name="caller"/>.</summary>
    public static IDisposable Enter(string caller)
    {
        ArgumentException.ThrowIfNullOrEmpty(caller);
        var previous = Caller.Value;
        Caller.Value = caller;
        return new Exit(previous);
    }

    private sealed class Exit(string? previous) : IDisposable
    {
        public void Dispose() => Caller.Value = previous;
    }
}
