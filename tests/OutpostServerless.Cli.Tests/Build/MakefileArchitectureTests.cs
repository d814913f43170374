using System.Runtime.InteropServices;
using OutpostServerless.Local.Bootstrap;
using OutpostServerless.Testing.Processes;
using OutpostServerless.Testing.Tools;

namespace OutpostServerless.Cli.Tests.Build;

/// <summary>
/// The Makefile <c>sam build</c> runs, asked for the architecture this machine is not: it cross-compiles, or it
/// refuses naming what is missing, and never hands SAM a bootstrap of the wrong architecture.
/// </summary>
public sealed class MakefileArchitectureTests : IDisposable
{
    private static readonly bool OnArm64 = RuntimeInformation.OSArchitecture == Architecture.Arm64;
    private static readonly string Other = OnArm64 ? "x86_64" : "arm64";
    private static readonly string OtherTriple = OnArm64 ? "x86_64-linux-gnu" : "aarch64-linux-gnu";
    private static readonly string OtherGccPackage = OnArm64 ? "gcc-x86-64-linux-gnu" : "gcc-aarch64-linux-gnu";

    private readonly string scratch = Directory.CreateTempSubdirectory("make-").FullName;

    [Fact]
    public async Task A_build_for_the_other_architecture_cross_compiles_a_bootstrap_verify_build_accepts_only_for_that_architecture()
    {
        var make = ToolPath.Require("make", "apt-get install make");
        foreach (var tool in new[] { "clang", "lld", $"{OtherTriple}-gcc" })
        {
            ToolPath.Require(tool, $"apt-get install clang lld {OtherGccPackage}; .ci/run installs them");
        }

        // The artifact lands where the template's Globals CodeUri (.) points every function, as one sam build of them all would.
        var artifacts = Path.Combine(scratch, "build");
        var built = await MakeAsync(make, Environment.GetEnvironmentVariable("PATH")!, artifacts);

        Assert.True(built.ExitCode == 0, built.Printed);
        Assert.Equal(OnArm64 ? ElfExecutable.X86_64 : ElfExecutable.AArch64, ElfExecutable.Read(Path.Combine(artifacts, "bootstrap")).Machine);
        File.Copy(RepositoryFiles.Template, Path.Combine(artifacts, "template.yaml"));
        var verified = await CliRun.RunAsync("verify-build", "--build-dir", Path.Combine(scratch, "build"), "--config-file",
            Path.Combine(RepositoryFiles.Root, "samconfig.toml"), "--parameter-overrides", $"Architecture={Other}");
        var mismatched = await CliRun.RunAsync("verify-build", "--build-dir", Path.Combine(scratch, "build"), "--config-file",
            Path.Combine(RepositoryFiles.Root, "samconfig.toml"), "--parameter-overrides", $"Architecture={(OnArm64 ? "arm64" : "x86_64")}");
        Assert.True(verified.ExitCode == 0, verified.Error);
        Assert.Equal(1, mismatched.ExitCode);
        Assert.Contains("Runtime.InvalidEntrypoint", mismatched.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_cross_toolchain_a_build_for_the_other_architecture_is_refused_naming_the_packages()
    {
        var make = ToolPath.Require("make", "apt-get install make");
        // Everything the Makefile runs, but no clang: as on a machine without the cross toolchain.
        var bin = Directory.CreateDirectory(Path.Combine(scratch, "bin")).FullName;
        foreach (var tool in new[] { "uname", "find", "mkdir", "flock", "od", "tr", "cp", "chmod", "touch", "dotnet", "make" })
        {
            File.CreateSymbolicLink(Path.Combine(bin, tool), ToolPath.Require(tool, $"{tool} is part of the build host"));
        }

        var artifacts = Path.Combine(scratch, "artifacts");
        var refused = await MakeAsync(make, bin, artifacts);

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains($"Cannot build {Other} on this", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"Fix: apt-get install clang lld {OtherGccPackage}, or build on a {Other} machine", refused.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(artifacts, "bootstrap")));
    }

    [Fact]
    public async Task An_architecture_Lambda_does_not_have_is_refused_before_anything_is_built()
    {
        var make = ToolPath.Require("make", "apt-get install make");

        var refused = await ToolProcess.RunAsync(make, ["-f", Path.Combine(RepositoryFiles.Root, "Makefile"), "build-ValidateRequestFunction", "ARCHITECTURE=amd64",
            $"ARTIFACTS_DIR={scratch}"], TestContext.Current.CancellationToken);

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("ARCHITECTURE=amd64: Lambda architectures are x86_64 and arm64. Fix: ARCHITECTURE=x86_64 or ARCHITECTURE=arm64", refused.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private Task<ToolResult> MakeAsync(string make, string path, string artifacts) =>
        ToolProcess.RunAsync(make, ["-f", Path.Combine(RepositoryFiles.Root, "Makefile"), "build-ValidateRequestFunction", $"ARCHITECTURE={Other}",
            $"ARTIFACTS_DIR={artifacts}", $"PUBLISH_DIR={Path.Combine(scratch, "publish")}"],
            TestContext.Current.CancellationToken, environment: new Dictionary<string, string?> { ["PATH"] = path });
}
