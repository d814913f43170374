using OutpostServerless.Emulator.Wire;

namespace OutpostServerless.Cli.Bench;

/// <summary>
/// One AWS CLI pointed at the emulator with its credentials and nothing from this machine's AWS setup:
/// every inherited <c>AWS_*</c> variable dropped, config and credential files empty, one attempt.
/// </summary>
public sealed class AwsCliProcess(string executable, Uri endpoint, string region, IProcessRunner? processes = null)
{
    private readonly IProcessRunner processes = processes ?? ProcessRunner.Instance;

    /// <summary>The CLI of that major version on this machine: v1 first on PATH (pyenv), v2 at Debian's <c>/usr/bin/aws</c>.</summary>
    public static async Task<string?> FindAsync(int majorVersion, CancellationToken cancellationToken)
    {
        IEnumerable<string> candidates = majorVersion == 2
            ? ["/usr/bin/aws"]
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "aws"));
        foreach (var candidate in candidates.Where(File.Exists))
        {
            var (exitCode, output, error) = await new AwsCliProcess(candidate, new Uri("http://127.0.0.1"), "us-west-2").RawAsync(["--version"], null, cancellationToken);
            if (exitCode == 0 && (output + error).TrimStart().StartsWith($"aws-cli/{majorVersion}.", StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    public string Executable => executable;

    /// <summary>Runs <c>aws {args} --endpoint-url … --output {output}</c> in <paramref name="workingDirectory"/> (where <c>file://</c> names are read).</summary>
    public Task<ProcessOutcome> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken, string output = "json", string? workingDirectory = null) =>
        RawAsync([.. args, "--endpoint-url", endpoint.ToString().TrimEnd('/'), "--output", output], workingDirectory, cancellationToken);

    private Task<ProcessOutcome> RawAsync(IReadOnlyList<string> args, string? workingDirectory, CancellationToken cancellationToken)
    {
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(name => name, string? (_) => null, StringComparer.Ordinal);
        environment["AWS_ACCESS_KEY_ID"] = EmulatorServerOptions.Default.AccessKeyId;
        environment["AWS_SECRET_ACCESS_KEY"] = EmulatorServerOptions.Default.SecretAccessKey;
        environment["AWS_DEFAULT_REGION"] = region;
        environment["AWS_CONFIG_FILE"] = "/dev/null";
        environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        environment["AWS_PAGER"] = string.Empty;
        environment["AWS_MAX_ATTEMPTS"] = "1";
        environment["AWS_EC2_METADATA_DISABLED"] = "true";
        return processes.RunAsync(executable, args, workingDirectory, environment, cancellationToken);
    }
}
