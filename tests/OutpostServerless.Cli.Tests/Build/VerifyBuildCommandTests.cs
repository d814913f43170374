
using OutpostServerless.Local.Bootstrap;

namespace OutpostServerless.Cli.Tests.Build;

/// <summary><c>verify-build</c> on what <c>sam build</c> leaves: a template naming each function's artifact directory.</summary>
public sealed class VerifyBuildCommandTests : IDisposable
{
    private const string BuiltTemplate = """
        Parameters:
          Architecture:
            Type: String
            Default: x86_64
            AllowedValues: [x86_64, arm64]
        Globals:
          Function:
            Runtime: provided.al2023
            Architectures:
              - !Ref Architecture
        Resources:
          CheckCapacityFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: CheckCapacity
              CodeUri: CheckCapacityFunction
          EnsureSubnetFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: EnsureSubnet
              CodeUri: EnsureSubnetFunction
        """;

    private const string Samconfig = """
        version = 0.1
        [default.deploy.parameters]
        parameter_overrides = "Architecture=\"x86_64\""
        [prod.deploy.parameters]
        parameter_overrides = "Architecture=\"arm64\""
        """;

    private readonly string build = Directory.CreateTempSubdirectory("sam-build-").FullName;

    public VerifyBuildCommandTests()
    {
        File.WriteAllText(Path.Combine(build, "template.yaml"), BuiltTemplate);
        File.WriteAllText(Path.Combine(build, "samconfig.toml"), Samconfig);
    }

    [Fact]
    public async Task Artifacts_of_the_deployed_architecture_pass()
    {
        Artifacts(ElfExecutable.AArch64, "GLIBC_2.17", "GLIBC_2.34");

        var (exitCode, output, error) = await VerifyAsync("--config-env", "prod");

        Assert.True(exitCode == 0, error);
        Assert.Contains("2 functions built for arm64", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_arm64_bootstrap_deployed_as_x86_64_is_refused_per_function_with_the_error_Lambda_would_give()
    {
        Artifacts(ElfExecutable.AArch64, "GLIBC_2.17");

        var (exitCode, output, error) = await VerifyAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("2 of 2 functions would not run as deployed (x86_64)", output, StringComparison.Ordinal);
        foreach (var function in new[] { "CheckCapacityFunction", "EnsureSubnetFunction" })
        {
            Assert.Contains($"{function}: {Path.Combine(build, function, "bootstrap")} was built for arm64, but the function runs on x86_64: every invocation would fail with Runtime.InvalidEntrypoint. Fix: build again for x86_64", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Parameter_overrides_given_on_the_command_line_win_over_the_config_environment()
    {
        Artifacts(ElfExecutable.X86_64, "GLIBC_2.17");

        Assert.Equal(0, (await VerifyAsync("--config-env", "prod", "--parameter-overrides", "Architecture=x86_64")).ExitCode);
        Assert.Equal(1, (await VerifyAsync("--parameter-overrides", "Architecture=arm64")).ExitCode);
    }

    [Fact]
    public async Task A_bootstrap_needing_a_newer_glibc_than_Amazon_Linux_2023_has_is_refused()
    {
        Artifacts(ElfExecutable.X86_64, "GLIBC_2.17", "GLIBC_2.38");

        var (exitCode, _, error) = await VerifyAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("needs GLIBC_2.38, but provided.al2023 has glibc 2.34", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_function_without_its_bootstrap_is_refused()
    {
        Artifacts(ElfExecutable.X86_64, "GLIBC_2.17");
        File.Delete(Path.Combine(build, "EnsureSubnetFunction", "bootstrap"));

        var (exitCode, _, error) = await VerifyAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("EnsureSubnetFunction: ", error, StringComparison.Ordinal);
        Assert.Contains("is missing: provided.al2023 runs the file named bootstrap", error, StringComparison.Ordinal);
        Assert.DoesNotContain("CheckCapacityFunction", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_build_or_with_an_unknown_environment_nothing_is_verified_and_the_fix_is_named()
    {
        var (unbuiltExit, _, unbuilt) = await CliRun.RunAsync("verify-build", "--build-dir", Path.Combine(build, "nothing"), "--config-file", Path.Combine(build, "samconfig.toml"));
        var (unknownExit, _, unknown) = await VerifyAsync("--config-env", "staging");

        Assert.Equal(2, unbuiltExit);
        Assert.Contains("Fix: run sam build first", unbuilt, StringComparison.Ordinal);
        Assert.Equal(2, unknownExit);
        Assert.Contains("has no [staging.…] environment; pass --config-env with one of default, prod", unknown, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(build, recursive: true);

    private Task<(int ExitCode, string Output, string Error)> VerifyAsync(params string[] options) =>
        CliRun.RunAsync(["verify-build", "--build-dir", build, "--config-file", Path.Combine(build, "samconfig.toml"), .. options]);

    private void Artifacts(ushort machine, params string[] glibcVersions)
    {
        foreach (var function in new[] { "CheckCapacityFunction", "EnsureSubnetFunction" })
        {
            Directory.CreateDirectory(Path.Combine(build, function));
            File.WriteAllBytes(Path.Combine(build, function, "bootstrap"), ElfImage.Create(machine, glibcVersions));
        }
    }
}
