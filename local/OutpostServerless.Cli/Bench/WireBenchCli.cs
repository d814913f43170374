using System.Diagnostics;
using OutpostServerless.Emulator.Wire;

namespace OutpostServerless.Cli.Bench;

/// <summary>
/// One AWS CLI pointed at the emulator with its credentials and nothing from this machine's AWS setup:
/// every inherited <c>AWS_*</c> variable dropped, config and credential files empty, one attempt.
/// </summary>
public sealed class WireBenchCli(string executable, Uri endpoint, string region)
{
    /// <summary>The CLI of that major version on this machine: v1 first on PATH (pyenv), v2 at Debian's <c>/usr/bin/aws</c>.</summary>
    public static async Task<string?> FindAsync(int majorVersion, CancellationToken cancellationToken)
    {
        IEnumerable<string> candidates = majorVersion == 2
            ? ["/usr/bin/aws"]
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "aws"));
        foreach (var candidate in candidates.Where(File.Exists))
        {
            var (exitCode, output, error) = await new WireBenchCli(candidate, new Uri("http://127.0.0.1"), "us-west-2").RawAsync(["--version"], cancellationToken);
            if (exitCode == 0 && (output + error).TrimStart().StartsWith($"aws-cli/{majorVersion}.", StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs <c>aws {args} --endpoint-url … --output json</c>.</summary>
    public Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        RawAsync([.. args, "--endpoint-url", endpoint.ToString().TrimEnd('/'), "--output", "json"], cancellationToken);

    private async Task<(int ExitCode, string Output, string Error)> RawAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
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

        start.Environment["AWS_ACCESS_KEY_ID"] = EmulatorServerOptions.Default.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = EmulatorServerOptions.Default.SecretAccessKey;
        start.Environment["AWS_DEFAULT_REGION"] = region;
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_PAGER"] = string.Empty;
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {executable}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
