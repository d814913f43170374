namespace OutpostServerless.Cli.States;

/// <summary>What the <c>states</c> commands tell the shell.</summary>
public static class StatesExitCodes
{
    /// <summary>The execution succeeded, or the definition is valid.</summary>
    public const int Succeeded = 0;

    /// <summary>The execution failed, timed out or was aborted, or the definition is invalid.</summary>
    public const int Failed = 1;

    /// <summary>A file or option could not be used: nothing ran.</summary>
    public const int BadInput = 2;
}
