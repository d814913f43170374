namespace OutpostServerless.Functions.Bootstrap;

/// <summary>Not Lambda's: what the local emulator exports to the runtimes it starts, and Lambda never does.</summary>
public static class EmulatorVariables
{
    /// <summary>
    /// <c>header</c>: the runtime runs under the local emulator and takes each event's time from
    /// <see cref="RuntimeApi.RuntimeApiHeaders.EmulatedTime"/>. Unset on Lambda, where that header is ignored.
    /// </summary>
    public const string EmulatedTime = "OUTPOST_SERVERLESS_EMULATED_TIME";

    public const string EmulatedTimeFromHeader = "header";
}
