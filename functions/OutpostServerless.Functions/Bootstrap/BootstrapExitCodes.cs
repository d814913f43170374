namespace OutpostServerless.Functions.Bootstrap;

/// <summary>How the bootstrap process ends; Lambda reports a non-zero exit as <c>Runtime.ExitError</c>.</summary>
public static class BootstrapExitCodes
{
    /// <summary>Asked to stop (SIGTERM on shutdown).</summary>
    public const int Stopped = 0;
    /// <summary>Initialization failed; the init error was reported to the Runtime API.</summary>
    public const int InitError = 1;
    /// <summary>The Runtime API is gone or told the runtime to exit.</summary>
    public const int RuntimeApiFailed = 2;
}
