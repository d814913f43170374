namespace OutpostServerless.Emulator.Lambda;

/// <summary>
/// How to start a function's <c>bootstrap</c>: a native executable (the AOT publish, or a build's apphost)
/// runs as itself; a managed <c>bootstrap.dll</c> runs under the <c>dotnet</c> host that runs this process.
/// </summary>
/// <param name="TaskRoot">The function's code directory, <c>LAMBDA_TASK_ROOT</c> (<c>/var/task</c> on Lambda).</param>
public sealed record BootstrapCommand(string FileName, IReadOnlyList<string> Arguments, string TaskRoot)
{
    public static BootstrapCommand For(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"No bootstrap at {full}.", full);
        }

        var taskRoot = Path.GetDirectoryName(full)!;
        return full.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new BootstrapCommand(DotnetHost(), ["exec", full], taskRoot)
            : new BootstrapCommand(full, [], taskRoot);
    }

    /// <summary>The dotnet host: the one the SDK names (<c>DOTNET_HOST_PATH</c>), the one running us, else <c>dotnet</c> on PATH.</summary>
    private static string DotnetHost()
    {
        var named = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(named) && File.Exists(named))
        {
            return named;
        }

        var running = Environment.ProcessPath;
        return running is not null && Path.GetFileNameWithoutExtension(running) == "dotnet" ? running : "dotnet";
    }
}
