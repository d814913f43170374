using System.CommandLine;

namespace OutpostServerless.Cli.States;

/// <summary><c>states</c>: run and check any Amazon States Language definition with the local engine.</summary>
public static class StatesCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("states", "Run or validate any Amazon States Language definition with the local engine (virtual clock, MockConfigFile mocks).")
        {
            StatesRunCommand.Create(output, error),
            StatesValidateCommand.Create(output, error),
        };
}
