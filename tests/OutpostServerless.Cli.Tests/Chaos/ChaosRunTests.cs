using OutpostServerless.Cli.Chaos;

namespace OutpostServerless.Cli.Tests.Chaos;

/// <summary>Seeded chaos over the whole workflow: every run ends SUCCEEDED with its inventory or FAILED with nothing left.</summary>
public sealed class ChaosRunTests
{
    private static readonly ChaosRunner Runner = new(ChaosWorld.Workflow, ChaosWorld.Examples);

    // One shared batch of runs at the rate the issue asks for, judged from several angles below.
    private static readonly Lazy<Task<ChaosReport>> TwentyPercent = new(() =>
        Runner.RunAsync(new ChaosSettings { Runs = 60, FaultRate = 0.2, Seed = 11, Parallelism = 2 }, progress: null, CancellationToken.None));

    [Fact]
    public async Task Under_a_20_percent_fault_rate_nothing_is_duplicated_or_leaked()
    {
        var report = await TwentyPercent.Value;

        Assert.Empty(report.Problems);
        Assert.Equal(0, report.Duplicates);
        Assert.Equal(0, report.Leaks);
        Assert.Equal(0, report.Incomplete);
    }

    [Fact]
    public async Task Under_a_20_percent_fault_rate_every_run_succeeds_exactly_or_fails_cleanly()
    {
        var report = await TwentyPercent.Value;

        Assert.Equal(report.Runs, report.Succeeded + report.FailedClean);
        Assert.True(report.Succeeded > report.Runs / 2, $"only {report.Succeeded} of {report.Runs} succeeded");
    }

    [Theory]
    [InlineData(nameof(InvocationFault.TimeoutAfterEffect))]
    [InlineData(nameof(InvocationFault.Crash))]
    [InlineData(nameof(InvocationFault.Throttling))]
    [InlineData(nameof(InvocationFault.ServerError))]
    [InlineData(nameof(InvocationFault.TimeoutBeforeEffect))]
    [InlineData(nameof(InvocationFault.LambdaServiceError))]
    public async Task The_chaos_includes_every_kind_of_fault(string kind)
    {
        var report = await TwentyPercent.Value;

        Assert.True(report.FaultsInjected.GetValueOrDefault(kind) > 0, $"no {kind} fault hit in {report.Runs} runs");
    }

    [Fact]
    public async Task The_chaos_includes_disconnections_and_capacity_taken_before_the_launch()
    {
        var report = await TwentyPercent.Value;

        Assert.True(report.RunsWithDisconnection > 0);
        Assert.True(report.RunsWithCapacityTaken > 0);
    }

    [Fact]
    public async Task Without_faults_every_run_succeeds_with_exactly_its_inventory()
    {
        var report = await Runner.RunAsync(new ChaosSettings { Runs = 8, FaultRate = 0, Seed = 5, Parallelism = 2 }, progress: null, CancellationToken.None);

        Assert.Equal(8, report.Succeeded);
        Assert.Empty(report.FaultsInjected);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_runs()
    {
        var settings = new ChaosSettings { Runs = 8, FaultRate = 0.3, Seed = 99, Parallelism = 2 };

        var first = await Runner.RunAsync(settings, progress: null, CancellationToken.None);
        var second = await Runner.RunAsync(settings with { Parallelism = 1 }, progress: null, CancellationToken.None);

        Assert.Equal((first with { WallSeconds = 0 }).ToJson(), (second with { WallSeconds = 0 }).ToJson());
    }

    [Fact]
    public async Task Another_seed_gives_other_runs()
    {
        var first = await Runner.RunAsync(new ChaosSettings { Runs = 8, FaultRate = 0.3, Seed = 1, Parallelism = 2 }, progress: null, CancellationToken.None);
        var second = await Runner.RunAsync(new ChaosSettings { Runs = 8, FaultRate = 0.3, Seed = 2, Parallelism = 2 }, progress: null, CancellationToken.None);

        Assert.NotEqual((first with { WallSeconds = 0 }).ToJson(), (second with { WallSeconds = 0 }).ToJson());
    }
}
