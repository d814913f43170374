namespace OutpostServerless.Local.Workflow;

/// <summary>How a local run invokes the functions (<c>run --lambda</c>); both give the same results.</summary>
public enum LambdaMode
{
    /// <summary>The handlers called in this process, reaching the emulated world directly: fast, for tests and benchmarks.</summary>
    InProcess,

    /// <summary>
    /// Each function's real <c>bootstrap</c> as a child process on the emulator's Lambda Runtime API, reaching the
    /// world over HTTP through the real AWS clients and the emulator's wire endpoint: as on Lambda.
    /// </summary>
    Process,
}
