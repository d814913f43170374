using System.CommandLine;
using System.Text.Json;
using OutpostServerless.Cli.Run;
using OutpostServerless.Local.Graph;
using OutpostServerless.Local.StateFiles;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Graph;

/// <summary>
/// <c>graph &lt;definition.asl.json&gt; -o out.svg|out.png</c>: the state machine's picture, laid out as the Step
/// Functions console draws it (start at the top, transitions flowing down) by a real layout engine (MSAGL).
/// <c>run --graph</c> draws the same picture with the path an execution took.
/// </summary>
public static class GraphCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var definitionFile = new Argument<FileInfo>("definition") { Description = "An Amazon States Language definition, e.g. statemachine/provision.asl.json." };
        var outFile = new Option<FileInfo>("--output", "-o") { Description = "The picture to write: .svg, or .png (rendered from the SVG).", Required = true };
        var execution = new Option<string?>("--execution") { Description = "Colour the path this execution took (its name), read from --state-file." };
        var stateFile = new Option<FileInfo?>("--state-file") { Description = "The state file the execution was recorded in (by run, teardown, serve or events put)." };
        var command = new Command("graph", "Draw a state machine definition as SVG or PNG, optionally with the path an execution recorded in a state file took.") { definitionFile, outFile, execution, stateFile };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = parse.GetValue(definitionFile)!;
            var target = parse.GetValue(outFile)!;
            if (GraphFile.Problem("--output", target.FullName) is { } problem)
            {
                await error.WriteLineAsync(problem);
                return ExitCodes.BadInput;
            }

            StateMachineDefinition definition;
            try
            {
                // ${…} substitutions are left as they are: the picture needs the states, not the ARNs.
                definition = StateMachineDefinition.Parse(await File.ReadAllTextAsync(source.FullName, cancellationToken));
            }
            catch (Exception unreadable) when (unreadable is IOException or JsonException or DefinitionValidationException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"Cannot draw {source.Name}: {unreadable.Message}");
                return ExitCodes.BadInput;
            }

            var path = ExecutionPath.None;
            var title = source.Name;
            if (parse.GetValue(execution) is { } name)
            {
                var recorded = await RecordedPathAsync(name, parse.GetValue(stateFile), definition, source.Name, cancellationToken);
                if (recorded.Problem is { } unusable)
                {
                    await error.WriteLineAsync(unusable);
                    return ExitCodes.BadInput;
                }

                (path, title) = (recorded.Path!, recorded.Title!);
            }
            else if (parse.GetValue(stateFile) is not null)
            {
                await error.WriteLineAsync("--state-file: given without --execution. Fix: name the execution to draw, e.g. --execution storefront-web.");
                return ExitCodes.BadInput;
            }

            await GraphFile.WriteAsync(definition, path, title, target.FullName, cancellationToken);
            await output.WriteLineAsync($"Wrote {target.FullName} ({definition.States.Count(s => s.Parent is null)} states).");
            return ExitCodes.Succeeded;
        });
        return command;
    }

    /// <summary>The path of the last execution named <paramref name="name"/> in the state file, or why it cannot be drawn (<c>field: reason. Fix: …</c>).</summary>
    private static async Task<(ExecutionPath? Path, string? Title, string? Problem)> RecordedPathAsync(
        string name, FileInfo? stateFile, StateMachineDefinition definition, string definitionName, CancellationToken cancellationToken)
    {
        if (stateFile is null)
        {
            return (null, null, "--execution: needs the state file it was recorded in. Fix: add --state-file F (the file run or serve kept the world in).");
        }

        if (!stateFile.Exists)
        {
            return (null, null, $"--state-file: {stateFile.FullName} does not exist. Fix: pass the file run or serve kept the world in.");
        }

        LocalExecutionRecord? record;
        try
        {
            await using var file = await StateFile.OpenAsync(stateFile.FullName, "graph", cancellationToken);
            record = file.Executions.LastOrDefault(e => e.Name == name);
            if (record is null)
            {
                var known = file.Executions.Select(e => e.Name).Distinct().TakeLast(5).ToList();
                return (null, null, $"--execution: no execution named '{name}' is recorded in {stateFile.Name}. Fix: name one of {(known.Count == 0 ? "its executions (it has none yet)" : string.Join(", ", known))}.");
            }
        }
        catch (StateFileException unusable)
        {
            return (null, null, unusable.Message);
        }

        if (record.History is not { } history)
        {
            return (null, null, $"--execution: '{name}' was recorded before state files kept histories. Fix: run it again, then draw it.");
        }

        var path = ExecutionPath.OfEntries(history, record.Status);
        var states = definition.States.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        if (path.Visits.FirstOrDefault(v => !states.Contains(v.Name)) is { } stranger)
        {
            return (null, null, $"--execution: '{name}' ran {record.StateMachine}, whose state {stranger.Name} is not in {definitionName}. Fix: draw that state machine's definition.");
        }

        return (path, $"{name}: {record.Status}", null);
    }
}
