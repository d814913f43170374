using System.Globalization;
using System.Runtime.InteropServices;
using OutpostServerless.Local.Workflow;

namespace OutpostServerless.Local.Bootstrap;

/// <summary>
/// The bootstrap <c>run --lambda process</c> starts, and why that one. The deployed functions are Native AOT, so
/// the AOT bootstrap <c>make publish</c> (or <c>sam build</c>) leaves in <c>.aws-sam/publish/&lt;rid&gt;/</c> beside the
/// template is preferred, when it is for this machine and newer than every source it is built from; otherwise
/// the JIT bootstrap built beside this program (slower to start, same code).
/// </summary>
public sealed record LocalBootstrap(string Path, BootstrapKind Kind, string Reason)
{
    /// <param name="given">An explicit <c>--bootstrap</c>, used as it is.</param>
    /// <param name="repositoryRoot">The directory of template.yaml (and the Makefile); null when unknown.</param>
    public static LocalBootstrap Choose(string? given, string? repositoryRoot)
    {
        if (given is not null)
        {
            return new LocalBootstrap(given, BootstrapKind.Given, "given with --bootstrap");
        }

        var jit = ProcessLambdaInvoker.DefaultBootstrap();
        if (repositoryRoot is null)
        {
            return new LocalBootstrap(jit, BootstrapKind.Jit, "no repository to find a Native AOT build in");
        }

        var aot = System.IO.Path.Combine(repositoryRoot, ".aws-sam", "publish", HostRuntimeIdentifier(), "bootstrap");
        if (!File.Exists(aot))
        {
            return new LocalBootstrap(jit, BootstrapKind.Jit, $"no Native AOT build at {aot}; `make publish` builds one");
        }

        if (!IsForThisMachine(aot))
        {
            return new LocalBootstrap(jit, BootstrapKind.Jit, $"{aot} is not built for this machine's architecture; `make clean publish` rebuilds it");
        }

        var built = File.GetLastWriteTimeUtc(aot);
        var newer = NewestSource(repositoryRoot);
        return newer is { } source && File.GetLastWriteTimeUtc(source) > built
            ? new LocalBootstrap(jit, BootstrapKind.Jit, $"the Native AOT build at {aot} is older than {System.IO.Path.GetRelativePath(repositoryRoot, source)}; `make publish` rebuilds it")
            : new LocalBootstrap(aot, BootstrapKind.NativeAot, string.Create(CultureInfo.InvariantCulture, $"built {built:yyyy-MM-dd HH:mm} UTC, newer than its sources"));
    }

    /// <summary>One line for the run's output: which bootstrap, where, and why.</summary>
    public string Describe() => $"Functions run as {Kind switch
    {
        BootstrapKind.NativeAot => "Native AOT",
        BootstrapKind.Jit => "JIT",
        _ => "given",
    }} bootstrap processes: {Path} ({Reason}).";

    private static string HostRuntimeIdentifier() => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";

    private static bool IsForThisMachine(string path)
    {
        try
        {
            var expected = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? ElfExecutable.AArch64 : ElfExecutable.X86_64;
            return ElfExecutable.Read(path).Machine == expected;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>The newest of what the Makefile builds the bootstrap from (its SOURCES).</summary>
    private static string? NewestSource(string root)
    {
        var functions = System.IO.Path.Combine(root, "functions");
        var sources = Directory.Exists(functions)
            ? Directory.EnumerateFiles(functions, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
                .Where(f => !f.Contains($"{System.IO.Path.DirectorySeparatorChar}bin{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            : [];
        string[] shared = ["Directory.Build.props", "Directory.Packages.props", "global.json", System.IO.Path.Combine("statemachine", "request.schema.json")];
        return sources
            .Concat(shared.Select(f => System.IO.Path.Combine(root, f)).Where(File.Exists))
            .MaxBy(File.GetLastWriteTimeUtc);
    }
}
