using System.Reflection.PortableExecutable;

namespace OutpostServerless.Cli.Bench.Runbook;

/// <summary>How to start this CLI afresh, as a user does: its own executable, else <c>dotnet outpost-serverless.dll</c>.</summary>
public sealed record CliLauncher(string Executable, IReadOnlyList<string> LeadingArguments, bool ReadyToRun)
{
    private const string AssemblyName = "outpost-serverless";

    /// <summary>The CLI beside this code (the one running now, or the one a test project copied).</summary>
    public static CliLauncher Current()
    {
        var directory = AppContext.BaseDirectory;
        var assembly = Path.Combine(directory, AssemblyName + ".dll");
        var readyToRun = IsReadyToRun(assembly);
        var apphost = Path.Combine(directory, AssemblyName);
        return File.Exists(apphost)
            ? new CliLauncher(apphost, [], readyToRun)
            : new CliLauncher("dotnet", [assembly], readyToRun);
    }

    /// <summary>The command line, for the report.</summary>
    public string Describe() => string.Join(' ', [Executable, .. LeadingArguments]) + (ReadyToRun ? " (ReadyToRun)" : " (JIT)");

    /// <summary>Whether the assembly carries precompiled native code (a ReadyToRun header), so its start skips most of the JIT.</summary>
    private static bool IsReadyToRun(string assembly)
    {
        if (!File.Exists(assembly))
        {
            return false;
        }

        using var stream = File.OpenRead(assembly);
        using var reader = new PEReader(stream);
        return reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }
}
