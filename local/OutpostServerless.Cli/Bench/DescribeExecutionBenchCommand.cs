using System.CommandLine;
using System.Globalization;
using OutpostServerless.Cli.Hosting;
using OutpostServerless.Cli.Output;
using OutpostServerless.Cli.Run;
using OutpostServerless.Emulator.Sam;

namespace OutpostServerless.Cli.Bench;

/// <summary><c>bench describe-execution [--clients 50] [--seconds 5]</c>: DescribeExecution requests/s on emulator serve's Step Functions.</summary>
public static class DescribeExecutionBenchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var clients = new Option<int>("--clients") { Description = "Concurrent clients, each sending one request after another.", DefaultValueFactory = _ => 50 };
        var seconds = new Option<int>("--seconds") { Description = "How long to measure.", DefaultValueFactory = _ => 5 };
        var command = new Command("describe-execution", "Requests/s of Step Functions DescribeExecution over HTTP (SigV4, awsJson1_0) on emulator serve's endpoint, under concurrent clients.")
        {
            clients, seconds,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (clientCount, secondCount) = (parse.GetValue(clients), parse.GetValue(seconds));
            if (clientCount < 1 || secondCount < 1)
            {
                await error.WriteLineAsync("--clients and --seconds: must be 1 or more. Fix: e.g. --clients 50 --seconds 5.");
                return ExitCodes.BadInput;
            }

            SamTemplate template;
            try
            {
                template = SamTemplate.Load(TemplateLocator.Find(null), new SamEnvironment("us-west-2", "123456789012"));
            }
            catch (SamTemplateException missing)
            {
                await error.WriteLineAsync($"Cannot bench: {missing.Message}");
                return ExitCodes.BadInput;
            }

            // A progress bar over the measured seconds on a terminal; none when the output is redirected.
            var bench = new DescribeExecutionBench(template, clientCount, TimeSpan.FromSeconds(secondCount));
            var result = await TerminalProgress.RunAsync(CliConsole.Create(output), "seconds of DescribeExecution calls", secondCount, progress => bench.RunAsync(progress, cancellationToken));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"DescribeExecution: {result.Requests} requests in {result.Seconds:0.0} s from {result.Clients} concurrent clients: {result.RequestsPerSecond:0} requests/s (median {result.MedianMilliseconds:0.00} ms, p99 {result.P99Milliseconds:0.00} ms)."));
            return ExitCodes.Succeeded;
        });
        return command;
    }
}
