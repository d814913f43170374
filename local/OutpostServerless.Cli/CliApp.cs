using System.CommandLine;
using OutpostServerless.Cli.Bench;
using OutpostServerless.Cli.Build;
using OutpostServerless.Cli.Chaos;
using OutpostServerless.Cli.Emulator;
using OutpostServerless.Cli.Graph;
using OutpostServerless.Cli.Plan;
using OutpostServerless.Cli.Queue;
using OutpostServerless.Cli.Run;
using OutpostServerless.Cli.States;
using OutpostServerless.Cli.Teardown;

namespace OutpostServerless.Cli;

/// <summary>The <c>outpost-serverless</c> command line; writers are parameters so tests read what a user sees.</summary>
public static class CliApp
{
    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("outpost-serverless: provision Amazon ECS on AWS Outposts, and run the whole workflow offline against an emulated Region and Outpost.");
        root.Subcommands.Add(RunCommand.Create(output, error));
        root.Subcommands.Add(Teardown.TeardownCommand.Create(output, error));
        root.Subcommands.Add(Status.StatusCommand.Create(output, error));
        root.Subcommands.Add(Queue.QueueCommand.Create(output, error));
        root.Subcommands.Add(Plan.PlanCommand.Create(output, error));
        root.Subcommands.Add(Build.VerifyBuildCommand.Create(output, error));
        root.Subcommands.Add(EmulatorCommand.Create(output, error));
        root.Subcommands.Add(Serve.ServeCommand.Create(output, error));
        root.Subcommands.Add(Events.EventsCommand.Create(output, error));
        root.Subcommands.Add(ChaosCommand.Create(output, error));
        root.Subcommands.Add(StatesCommand.Create(output, error));
        root.Subcommands.Add(Graph.GraphCommand.Create(output, error));
        var bench = BenchCommand.Create(output, error);
        bench.Subcommands.Add(ColdStartCommand.Create(output, error));
        bench.Subcommands.Add(WireBenchCommand.Create(output, error));
        bench.Subcommands.Add(DescribeExecutionBenchCommand.Create(output, error));
        bench.Subcommands.Add(Bench.QueueBench.CapacityQueueBenchCommand.Create(output, error));
        bench.Subcommands.Add(Bench.Runbook.RunbookBenchCommand.Create(output, error));
        root.Subcommands.Add(bench);
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
