using System.Runtime.InteropServices;
using OutpostServerless.Cli.Tests.Build;
using OutpostServerless.Local.Bootstrap;
using OutpostServerless.Local.Workflow;

namespace OutpostServerless.Cli.Tests.Local;

/// <summary>
/// <c>run --lambda process</c> runs the functions as they are deployed, Native AOT, whenever `make publish` has built
/// that bootstrap for this machine from the current sources, and says which bootstrap it runs and why.
/// </summary>
public sealed class LocalBootstrapTests : IDisposable
{
    private static readonly DateTime Earlier = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _repository = Directory.CreateTempSubdirectory("repository-").FullName;

    private static string RuntimeIdentifier => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";

    private static ushort ThisMachine => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? ElfExecutable.AArch64 : ElfExecutable.X86_64;

    private static ushort OtherMachine => ThisMachine == ElfExecutable.X86_64 ? ElfExecutable.AArch64 : ElfExecutable.X86_64;

    private string Source => Path.Combine(_repository, "functions", "OutpostServerless.Functions", "Program.cs");

    private string AotBuild => Path.Combine(_repository, ".aws-sam", "publish", RuntimeIdentifier, "bootstrap");

    public LocalBootstrapTests()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Source)!);
        File.WriteAllText(Source, "// the bootstrap's source");
        File.SetLastWriteTimeUtc(Source, Earlier);
    }

    public void Dispose() => Directory.Delete(_repository, recursive: true);

    [Fact]
    public void An_up_to_date_Native_AOT_build_for_this_machine_is_preferred()
    {
        Publish(ThisMachine, Earlier.AddHours(1));

        var chosen = LocalBootstrap.Choose(given: null, _repository);

        Assert.Equal((AotBuild, BootstrapKind.NativeAot), (chosen.Path, chosen.Kind));
        Assert.Contains("Native AOT", chosen.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_Native_AOT_build_the_JIT_bootstrap_runs_and_the_output_says_how_to_build_one()
    {
        var chosen = LocalBootstrap.Choose(given: null, _repository);

        Assert.Equal((ProcessLambdaInvoker.DefaultBootstrap(), BootstrapKind.Jit), (chosen.Path, chosen.Kind));
        Assert.Contains("make publish", chosen.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Native_AOT_build_older_than_a_source_is_not_run_and_the_source_is_named()
    {
        Publish(ThisMachine, Earlier.AddHours(-1));

        var chosen = LocalBootstrap.Choose(given: null, _repository);

        Assert.Equal(BootstrapKind.Jit, chosen.Kind);
        Assert.Contains(Path.Combine("functions", "OutpostServerless.Functions", "Program.cs"), chosen.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Native_AOT_build_for_the_other_architecture_is_not_run()
    {
        Publish(OtherMachine, Earlier.AddHours(1));

        var chosen = LocalBootstrap.Choose(given: null, _repository);

        Assert.Equal(BootstrapKind.Jit, chosen.Kind);
        Assert.Contains("architecture", chosen.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bootstrap_given_with_the_option_is_run_as_it_is()
    {
        Publish(ThisMachine, Earlier.AddHours(1));

        var chosen = LocalBootstrap.Choose("/opt/bootstrap", _repository);

        Assert.Equal(("/opt/bootstrap", BootstrapKind.Given), (chosen.Path, chosen.Kind));
    }

    private void Publish(ushort machine, DateTime at)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(AotBuild)!);
        File.WriteAllBytes(AotBuild, ElfImage.Create(machine));
        File.SetLastWriteTimeUtc(AotBuild, at);
    }
}
