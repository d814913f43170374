using System.CommandLine;
using System.Text.Json;
using OutpostServerless.Cli.Run;
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
        var command = new Command("graph", "Draw a state machine definition as SVG or PNG (the path an execution took: run --graph).") { definitionFile, outFile };
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

            await GraphFile.WriteAsync(definition, ExecutionPath.None, source.Name, target.FullName, cancellationToken);
            await output.WriteLineAsync($"Wrote {target.FullName} ({definition.States.Count(s => s.Parent is null)} states).");
            return ExitCodes.Succeeded;
        });
        return command;
    }
}
