namespace OutpostServerless.Testing.Processes;

/// <summary>What one run of an external tool returned and printed.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Error)
{
    /// <summary>Standard output then standard error, for a failure message.</summary>
    public string Printed => Output + Error;
}
