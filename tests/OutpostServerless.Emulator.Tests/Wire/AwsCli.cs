using System.Text.Json.Nodes;
using OutpostServerless.Testing.Processes;
using OutpostServerless.Testing.Tools;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Wire;

/// <summary>Which real AWS CLI drives the emulator: the pyenv v1 (first on PATH) or Debian's v2 (<c>/usr/bin/aws</c>, later on PATH).</summary>
public enum AwsCliVersion
{
    V1,
    V2,
}

/// <summary>What one AWS CLI command printed and returned.</summary>
internal sealed record AwsCliResult(int ExitCode, string Output, string Error)
{
    public JsonNode Json => JsonNode.Parse(Output) ?? throw new InvalidOperationException("The AWS CLI printed no JSON.");
}

/// <summary>
/// Runs the real AWS CLI against an endpoint with the emulator's credentials and nothing else from
/// this machine: config and credential files point at empty temp files, every inherited
/// <c>AWS_*</c> variable is dropped, retries are off (one attempt shows the error as sent).
/// </summary>
internal sealed class AwsCli : IDisposable
{
    private readonly string _executable;
    private readonly string _emptyFile = Path.GetTempFileName();

    private AwsCli(AwsCliVersion version, string executable)
    {
        Version = version;
        _executable = executable;
    }

    public AwsCliVersion Version { get; }

    /// <summary>The CLI found, for code under test that starts it itself.</summary>
    public string Executable => _executable;

    public Uri? Endpoint { get; init; }

    public string AccessKeyId { get; init; } = "test";

    public string SecretAccessKey { get; init; } = "test";

    /// <summary>
    /// The CLI of that major version; when it is not installed the test is skipped, and under CI (env <c>CI</c>
    /// set) it fails: CI must prove wire compatibility, never skip it.
    /// </summary>
    public static async Task<AwsCli> RequireAsync(AwsCliVersion version)
    {
        var executable = await FindAsync(version);
        if (executable is null)
        {
            MissingTool.Stop(version == AwsCliVersion.V2
                ? "AWS CLI v2 (aws-cli/2.x) is not on PATH (apt-get install -y awscli puts it in /usr/bin)."
                : "AWS CLI v1 (aws-cli/1.x) is not on PATH.");
        }

        return new AwsCli(version, executable);
    }

    /// <summary>The first aws on the PATH of that major version: the pyenv v1 shim comes before Debian's v2 in /usr/bin.</summary>
    private static async Task<string?> FindAsync(AwsCliVersion version)
    {
        var prefix = version == AwsCliVersion.V2 ? "aws-cli/2." : "aws-cli/1.";
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "aws"))
            .Distinct(StringComparer.Ordinal)
            .Where(File.Exists);
        foreach (var candidate in candidates)
        {
            using var probe = new AwsCli(version, candidate);
            var result = await probe.RunAsync(["--version"]);
            if (result.ExitCode == 0 && (result.Output + result.Error).TrimStart().StartsWith(prefix, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    public AwsCli With(Uri endpoint, string? accessKeyId = null, string? secretAccessKey = null) =>
        new(Version, _executable) { Endpoint = endpoint, AccessKeyId = accessKeyId ?? AccessKeyId, SecretAccessKey = secretAccessKey ?? SecretAccessKey };

    /// <summary>Runs <c>aws {args} --endpoint-url … --output json</c>.</summary>
    public Task<AwsCliResult> RunAsync(params string[] args)
    {
        var all = Endpoint is null ? args : [.. args, "--endpoint-url", Endpoint.ToString().TrimEnd('/'), "--output", "json"];
        return RunRawAsync(all);
    }

    /// <summary>Runs a command that must succeed and returns its JSON output.</summary>
    public async Task<JsonNode> JsonAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"aws {string.Join(' ', args)} failed ({result.ExitCode}): {result.Error}");
        return result.Json;
    }

    /// <summary>Runs a command that must succeed and print nothing (operations without output).</summary>
    public async Task SucceedsAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"aws {string.Join(' ', args)} failed ({result.ExitCode}): {result.Error}");
    }

    public void Dispose() => File.Delete(_emptyFile);

    private async Task<AwsCliResult> RunRawAsync(string[] args)
    {
        // Nothing from this machine's AWS configuration: every inherited AWS_* variable is dropped (null removes it).
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(name => name, string? (_) => null, StringComparer.Ordinal);
        environment["AWS_ACCESS_KEY_ID"] = AccessKeyId;
        environment["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey;
        environment["AWS_DEFAULT_REGION"] = "us-west-2";
        environment["AWS_CONFIG_FILE"] = _emptyFile;
        environment["AWS_SHARED_CREDENTIALS_FILE"] = _emptyFile;
        environment["AWS_PAGER"] = string.Empty;
        environment["AWS_MAX_ATTEMPTS"] = "1";
        environment["AWS_RETRY_MODE"] = "standard";
        environment["AWS_EC2_METADATA_DISABLED"] = "true";

        // One endpoint answers every operation: a host prefix botocore adds (TestState's "sync-") names no host here.
        environment["AWS_DISABLE_HOST_PREFIX_INJECTION"] = "true";

        var result = await ToolProcess.RunAsync(_executable, args, TestContext.Current.CancellationToken, environment: environment);
        return new AwsCliResult(result.ExitCode, result.Output, result.Error);
    }
}
