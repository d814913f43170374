using System.CommandLine;
using OutpostServerless.Cli.Emulator;
using OutpostServerless.Cli.Run;

namespace OutpostServerless.Cli;

/// <summary>The <c>outpost-serverless</c> command line; writers are parameters so tests read what a user sees.</summary>
public static class CliApp
{
    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("outpost-serverless: provision Amazon ECS on AWS Outposts, and run the whole workflow offline against an emulated Region and Outpost.");
        root.Subcommands.Add(RunCommand.Create(output, error));
        root.Subcommands.Add(EmulatorCommand.Create(output, error));
        root.Subcommands.Add(Serve.ServeCommand.Create(output, error));
        root.Subcommands.Add(Events.EventsCommand.Create(output, error));
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
