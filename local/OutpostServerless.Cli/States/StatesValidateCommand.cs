using System.CommandLine;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.States;

/// <summary><c>states validate F</c>: the checks AWS applies at CreateStateMachine, every problem named by state and field.</summary>
public static class StatesValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var definition = new Argument<FileInfo>("definition") { Description = "An Amazon States Language definition (JSON)." };
        var command = new Command("validate", "Check a definition as CreateStateMachine would; prints each problem with its state and field. Exit 0 valid, 1 invalid, 2 unreadable.")
        {
            definition,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(definition)!;
            string text;
            try
            {
                text = await File.ReadAllTextAsync(file.FullName, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"Cannot read {file.Name}: {e.Message}");
                return StatesExitCodes.BadInput;
            }

            try
            {
                var parsed = StateMachineDefinition.Parse(text);
                await output.WriteLineAsync($"{file.Name}: valid ({parsed.States.Count} states)");
                return StatesExitCodes.Succeeded;
            }
            catch (DefinitionValidationException invalid)
            {
                await output.WriteLineAsync($"{file.Name}: {invalid.Errors.Count} problem(s)");
                foreach (var problem in invalid.Errors)
                {
                    await output.WriteLineAsync($"  - {problem}");
                }

                return StatesExitCodes.Failed;
            }
        });
        return command;
    }
}
