using System.Reflection.PortableExecutable;

namespace OutpostServerless.Cli.Bench.Runbook;

/// <summary>How to start an <c>outpost-serverless</c> CLI afresh, as a user does: its executable, or <c>dotnet</c> with its assembly.</summary>
public sealed record CliLauncher(string Executable, IReadOnlyList<string> LeadingArguments, bool ReadyToRun)
{
    private const string AssemblyName = "outpost-serverless";

    /// <summary>The CLI beside this code (the one running now, or the one a test project copied).</summary>
    public static CliLauncher Current()
    {
        var apphost = Path.Combine(AppContext.BaseDirectory, AssemblyName);
        return For(File.Exists(apphost) ? apphost : Path.Combine(AppContext.BaseDirectory, AssemblyName + ".dll"));
    }

    /// <summary>The CLI at <paramref name="path"/>: its executable (e.g. <c>make cli</c>'s), or its <c>.dll</c>.</summary>
    public static CliLauncher For(string path)
    {
        var assembly = path.EndsWith(".dll", StringComparison.Ordinal) ? path : path + ".dll";
        return path == assembly
            ? new CliLauncher("dotnet", [assembly], IsReadyToRun(assembly))
            : new CliLauncher(path, [], IsReadyToRun(assembly));
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
