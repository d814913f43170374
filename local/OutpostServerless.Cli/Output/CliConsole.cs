using Spectre.Console;

namespace OutpostServerless.Cli.Output;

/// <summary>The Spectre console a command prints through: colour only on a terminal; piped or captured output stays plain text.</summary>
public static class CliConsole
{
    public static IAnsiConsole Create(TextWriter output)
    {
        var onTerminal = output == Console.Out && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = onTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = onTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!console.Profile.Capabilities.Interactive)
        {
            console.Profile.Width = 160; // redirected output: keep each progress line and table row on one line
        }

        return console;
    }
}
