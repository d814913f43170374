using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace OutpostServerless.Emulator.Tests.Wire;

/// <summary>Which real AWS CLI drives the emulator: the pyenv v1 (first on PATH) or Debian's v2 (<c>/usr/bin/aws</c>).</summary>
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

    public Uri? Endpoint { get; init; }

    public string AccessKeyId { get; init; } = "test";

    public string SecretAccessKey { get; init; } = "test";

    /// <summary>
    /// The CLI of that major version, or null (with the reason written to <paramref name="output"/>)
    /// when it is not installed. Under CI (env <c>CI</c> set) an absent CLI fails the test instead:
    /// CI must prove wire compatibility, never skip it.
    /// </summary>
    public static async Task<AwsCli?> FindAsync(AwsCliVersion version, ITestOutputHelper output)
    {
        var candidates = version == AwsCliVersion.V2
            ? ["/usr/bin/aws"]
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "aws"));
        var prefix = version == AwsCliVersion.V2 ? "aws-cli/2." : "aws-cli/1.";
        foreach (var candidate in candidates.Where(File.Exists))
        {
            var probe = new AwsCli(version, candidate);
            var result = await probe.RunAsync(["--version"]);
            if (result.ExitCode == 0 && (result.Output + result.Error).TrimStart().StartsWith(prefix, StringComparison.Ordinal))
            {
                probe.Dispose();
                return new AwsCli(version, candidate);
            }

            probe.Dispose();
        }

        var reason = version == AwsCliVersion.V2
            ? "AWS CLI v2 is not installed at /usr/bin/aws (apt-get install -y awscli)."
            : "AWS CLI v1 (aws-cli/1.x) is not on PATH.";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail($"{reason} CI must run the wire-compatibility tests.");
        }

        output.WriteLine($"Not run: {reason}");
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
        var start = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey;
        start.Environment["AWS_DEFAULT_REGION"] = "us-west-2";
        start.Environment["AWS_CONFIG_FILE"] = _emptyFile;
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = _emptyFile;
        start.Environment["AWS_PAGER"] = string.Empty;
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["AWS_RETRY_MODE"] = "standard";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {_executable}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new AwsCliResult(process.ExitCode, await output, await error);
    }
}
