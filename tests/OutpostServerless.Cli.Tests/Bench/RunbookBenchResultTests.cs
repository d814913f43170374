using OutpostServerless.Cli.Bench.Runbook;

namespace OutpostServerless.Cli.Tests.Bench;

public sealed class RunbookBenchResultTests
{
    private static RunbookRound Took(double milliseconds) => new(26, TimeSpan.FromMilliseconds(milliseconds), TimeSpan.FromSeconds(60));

    [Fact]
    public void The_ratios_are_the_runbooks_median_over_runs_medians_cold_and_warm()
    {
        var result = new RunbookBenchResult("/usr/bin/aws", "outpost-serverless", [Took(16_000), Took(30_000), Took(15_000)], [200, 160, 900], [20, 10, 40, 30]);

        Assert.Equal(16_000, result.RunbookMedianMilliseconds);
        Assert.Equal(200, result.ColdMedianMilliseconds);
        Assert.Equal(25, result.WarmMedianMilliseconds); // an even count: the mean of the middle two
        Assert.Equal(80, result.ColdRatio);
        Assert.Equal(640, result.WarmRatio);
    }

    [Fact]
    public void The_report_says_whether_each_ratio_meets_the_target()
    {
        var result = new RunbookBenchResult("/usr/bin/aws", "outpost-serverless", [Took(16_000)], [200], [20]);
        var printed = new StringWriter();

        result.Write(printed);

        Assert.Contains("runbook ÷ run: 80.0x cold, 800.0x warm (target >= 100x: cold not met, warm met)", printed.ToString(), StringComparison.Ordinal);
        var json = result.ToJson();
        Assert.Equal(80, json["runCold"]!["ratio"]!.GetValue<double>());
        Assert.Equal(800, json["runWarm"]!["ratio"]!.GetValue<double>());
        Assert.Equal(26, json["runbook"]!["commands"]!.GetValue<int>());
    }
}
