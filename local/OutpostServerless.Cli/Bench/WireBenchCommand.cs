using System.CommandLine;
using System.Globalization;
using OutpostServerless.Cli.Output;
using OutpostServerless.Cli.Run;

namespace OutpostServerless.Cli.Bench;

/// <summary>
/// <c>bench wire</c>: the per-call cost of speaking AWS over HTTP. The same read calls against one
/// emulated world through its in-process ports, through our clients over loopback HTTP to the emulator's
/// wire server, and through the AWS CLI (v1 and v2, a process per call); median, p99 and mean of each.
/// </summary>
public static class WireBenchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var calls = new Option<int>("--calls") { Description = "Timed calls per operation through the in-process ports and through our clients.", DefaultValueFactory = _ => 200 };
        var cliCalls = new Option<int>("--cli-calls") { Description = "Timed AWS CLI processes per operation and CLI version (0: skip the CLIs).", DefaultValueFactory = _ => 20 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed calls first, per operation and client.", DefaultValueFactory = _ => 20 };
        var awsV1 = new Option<FileInfo?>("--aws-v1") { Description = "The AWS CLI v1 (default: the first aws on PATH that is 1.x)." };
        var awsV2 = new Option<FileInfo?>("--aws-v2") { Description = "The AWS CLI v2 (default: /usr/bin/aws, Debian's awscli)." };
        var command = new Command("wire", "Per-call latency of our AWS clients against the emulator's wire server on loopback, next to the in-process call and the AWS CLI v1/v2 process.")
        {
            calls, cliCalls, warmup, awsV1, awsV2,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new WireBenchSettings
            {
                Calls = parse.GetValue(calls),
                CliCalls = parse.GetValue(cliCalls),
                Warmup = parse.GetValue(warmup),
            };
            if (settings.Calls < 1 || settings.CliCalls < 0 || settings.Warmup < 0)
            {
                await error.WriteLineAsync("--calls must be 1 or more; --cli-calls and --warmup 0 or more.");
                return ExitCodes.BadInput;
            }

            if (settings.CliCalls > 0)
            {
                settings = settings with
                {
                    AwsCliV1 = parse.GetValue(awsV1)?.FullName ?? await AwsCliProcess.FindAsync(1, cancellationToken),
                    AwsCliV2 = parse.GetValue(awsV2)?.FullName ?? await AwsCliProcess.FindAsync(2, cancellationToken),
                };
            }

            WireBenchResult result;
            try
            {
                // A progress bar over every call on a terminal; none when the output is redirected.
                var runner = new WireBenchRunner(settings);
                result = await TerminalProgress.RunAsync(CliConsole.Create(output), "calls (in process, our clients, the AWS CLIs)", runner.TotalCalls, progress => runner.RunAsync(progress, cancellationToken));
            }
            catch (WireBenchCallFailedException failed)
            {
                await error.WriteLineAsync(failed.Message);
                return ExitCodes.Failed;
            }

            await WriteAsync(output, result);
            return ExitCodes.Succeeded;
        });
        return command;
    }

    private static async Task WriteAsync(TextWriter output, WireBenchResult result)
    {
        var culture = CultureInfo.InvariantCulture;
        await output.WriteLineAsync($"Per-call latency against the emulator's wire server at {result.Endpoint} (loopback, SigV4-verified), one call at a time:");
        await output.WriteLineAsync(string.Format(culture, "{0,-22}{1,-34}{2,7}{3,12}{4,12}{5,12}", "operation", "client", "calls", "median ms", "p99 ms", "mean ms"));
        foreach (var latency in result.Latencies)
        {
            await output.WriteLineAsync(string.Format(culture, "{0,-22}{1,-34}{2,7}{3,12:0.000}{4,12:0.000}{5,12:0.000}",
                latency.Operation, latency.Client, latency.Calls, latency.MedianMilliseconds, latency.P99Milliseconds, latency.MeanMilliseconds));
        }

        foreach (var operation in result.Latencies.Select(l => l.Operation).Distinct())
        {
            if (result.Find(operation, WireBenchResult.InProcess) is { } local && result.Find(operation, WireBenchResult.OurClients) is { } http)
            {
                await output.WriteLineAsync(string.Format(culture, "{0}: our clients over HTTP add {1:0.000} ms per call (median) to the in-process call.",
                    operation, http.MedianMilliseconds - local.MedianMilliseconds));
            }
        }

        foreach (var missing in result.NotMeasured)
        {
            await output.WriteLineAsync($"Not measured: {missing}");
        }
    }
}
