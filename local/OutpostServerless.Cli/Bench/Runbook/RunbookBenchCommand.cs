using System.CommandLine;
using System.Text.Json;
using OutpostServerless.Cli.Hosting;
using OutpostServerless.Cli.Output;
using OutpostServerless.Cli.Run;
using OutpostServerless.Emulator.Sam;

namespace OutpostServerless.Cli.Bench.Runbook;

/// <summary>
/// <c>bench runbook</c>: the manual runbook through the AWS CLI v2 against the emulator's endpoint, side by side with
/// <c>run</c> on the same request, cold and warm; prints the medians and runbook ÷ run.
/// </summary>
public static class RunbookBenchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var rounds = new Option<int>("--rounds") { Description = "Timed rounds (each: the runbook, a fresh run process, a run in this process).", DefaultValueFactory = _ => 5 };
        var runbook = new Option<FileInfo?>("--runbook") { Description = "The runbook (default: statemachine/runbook/ecs-on-outposts.json beside the template)." };
        var template = new Option<FileInfo?>("--template") { Description = "The SAM template (default: template.yaml in this or a parent directory)." };
        var awsCli = new Option<FileInfo?>("--aws-cli") { Description = "The AWS CLI v2 (default: /usr/bin/aws, Debian's awscli)." };
        var cli = new Option<FileInfo?>("--cli") { Description = "The outpost-serverless CLI timed cold, e.g. make cli's ReadyToRun build .aws-sam/cli/linux-x64/outpost-serverless (default: this one)." };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object." };
        var command = new Command("runbook", "The ECS-on-Outposts runbook through the AWS CLI v2 against the emulator's endpoint, next to run on the same request (cold process and warm): medians and runbook ÷ run.")
        {
            rounds, runbook, template, awsCli, cli, json,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(rounds) < 1)
            {
                await error.WriteLineAsync("--rounds: must be 1 or more. Fix: e.g. --rounds 5.");
                return ExitCodes.BadInput;
            }

            RunbookBenchSettings settings;
            try
            {
                var templatePath = TemplateLocator.Find(parse.GetValue(template));
                var repository = Path.GetDirectoryName(templatePath)!;
                var runbookPath = parse.GetValue(runbook)?.FullName ?? Path.Combine(repository, RunbookFile.DefaultRelativePath);
                var document = RunbookFile.Load(runbookPath);
                var aws = parse.GetValue(awsCli)?.FullName ?? await AwsCliProcess.FindAsync(2, cancellationToken);
                if (aws is null)
                {
                    await error.WriteLineAsync("--aws-cli: no AWS CLI v2 at /usr/bin/aws. Fix: apt-get install -y awscli, or pass --aws-cli PATH.");
                    return ExitCodes.BadInput;
                }

                settings = new RunbookBenchSettings
                {
                    Rounds = parse.GetValue(rounds),
                    RunbookPath = runbookPath,
                    Runbook = document,
                    RequestPath = Path.Combine(repository, document.Request ?? throw new RunbookFileException(runbookPath, "request: missing. Fix: the request file run provisions the same resources from, e.g. statemachine/examples/web-service.json.")),
                    TemplatePath = templatePath,
                    AwsCli = aws,
                    Cli = parse.GetValue(cli) is { } given
                        ? File.Exists(given.FullName) ? CliLauncher.For(given.FullName) : throw new FileNotFoundException($"--cli: {given.FullName} does not exist. Fix: make cli builds .aws-sam/cli/linux-x64/outpost-serverless.")
                        : CliLauncher.Current(),
                };
            }
            catch (Exception unusable) when (unusable is RunbookFileException or SamTemplateException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"Cannot bench: {unusable.Message}");
                return ExitCodes.BadInput;
            }

            var asJson = parse.GetValue(json);
            var bench = new RunbookBench(settings, ProcessRunner.Instance);
            RunbookBenchResult result;
            try
            {
                result = await TerminalProgress.RunAsync(asJson ? null : CliConsole.Create(output), "runbook, run cold, run warm (rounds)", bench.Units, progress => bench.RunAsync(progress, cancellationToken));
            }
            catch (Exception failed) when (failed is RunbookCommandFailedException or RunbookBenchRunFailedException)
            {
                await error.WriteLineAsync(failed.Message);
                return ExitCodes.Failed;
            }

            if (asJson)
            {
                await output.WriteLineAsync(result.ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                result.Write(output);
            }

            return ExitCodes.Succeeded;
        });
        return command;
    }
}
