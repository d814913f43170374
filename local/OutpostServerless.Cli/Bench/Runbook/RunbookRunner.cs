using System.Diagnostics;
using System.Text.Json;

namespace OutpostServerless.Cli.Bench.Runbook;

/// <summary>
/// Runs a runbook's steps in order through one AWS CLI, as a person would paste them: each command's exit code is
/// checked (a failure stops the run with its error output), outputs kept for later steps, waiters polled. Where a
/// person would wait (a sleep, the interval between polls) the world's clock is moved by <paramref name="wait"/>
/// instead, so waiting costs no wall time, as on <c>run</c>'s virtual clock.
/// </summary>
public sealed class RunbookRunner(RunbookDocument runbook, AwsCliProcess cli, Action<TimeSpan> wait)
{
    /// <summary>What the AWS CLI prints as text for a <c>--query</c> that found nothing.</summary>
    private const string Nothing = "None";

    public async Task<RunbookRound> RunAsync(CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("outpost-serverless-runbook-");
        try
        {
            foreach (var (name, content) in runbook.Files)
            {
                var text = content?.GetValueKind() == JsonValueKind.String ? content.GetValue<string>() : content?.ToJsonString() ?? "null";
                await File.WriteAllTextAsync(Path.Combine(directory.FullName, name), text, cancellationToken);
            }

            var started = Stopwatch.GetTimestamp();
            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            var (commands, waited) = (0, TimeSpan.Zero);
            for (var index = 0; index < runbook.Steps.Count; index++)
            {
                var step = runbook.Steps[index];
                if (step.SleepSeconds is { } seconds)
                {
                    waited += Wait(seconds);
                    continue;
                }

                var arguments = step.Aws!.Select(a => RunbookFile.Substitute(a, variables)).ToList();
                // A kept or polled value is read as the text of its --query, as a shell script reads $(aws ... --output text).
                var format = step.As is null && step.Until is null ? "json" : "text";
                for (var attempt = 1; ; attempt++)
                {
                    var outcome = await cli.RunAsync(arguments, cancellationToken, format, directory.FullName);
                    commands++;
                    if (outcome.ExitCode != 0)
                    {
                        throw Failed(index, step, arguments, $"exit code {outcome.ExitCode}: {outcome.Error.Trim()}");
                    }

                    var printed = outcome.Output.Trim();
                    if (step.Until is not { } expected)
                    {
                        if (step.As is { } name)
                        {
                            variables[name] = printed is "" or Nothing
                                ? throw Failed(index, step, arguments, $"printed nothing to keep as ${{{name}}}")
                                : printed;
                        }

                        break;
                    }

                    if (printed == expected)
                    {
                        break;
                    }

                    if (attempt == step.MaxAttempts)
                    {
                        throw Failed(index, step, arguments, $"still printed '{printed}', not '{expected}', after {attempt} polls {step.PollSeconds} s apart");
                    }

                    waited += Wait(step.PollSeconds!.Value);
                }
            }

            return new RunbookRound(commands, Stopwatch.GetElapsedTime(started), waited);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private TimeSpan Wait(int seconds)
    {
        var span = TimeSpan.FromSeconds(seconds);
        wait(span);
        return span;
    }

    private static RunbookCommandFailedException Failed(int index, RunbookStep step, IReadOnlyList<string> arguments, string reason) =>
        new(index, step.Say, RunbookStep.CommandLine(arguments), reason);
}
