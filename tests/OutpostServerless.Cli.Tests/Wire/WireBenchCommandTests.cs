using System.CommandLine;
using OutpostServerless.Cli.Bench;

namespace OutpostServerless.Cli.Tests.Wire;

public sealed class WireBenchCommandTests
{
    [Theory]
    [InlineData(new double[] { 5, 1, 3, 2, 4 }, 0.5)]
    [InlineData(new double[] { 5, 1, 3, 2, 4 }, 0.99)]
    [InlineData(new double[] { 7 }, 0.99)]
    public void A_percentile_is_the_smallest_value_with_that_share_of_the_values_at_or_below_it(double[] values, double fraction)
    {
        var sorted = values.Order().ToArray();

        var percentile = WireBenchLatency.NearestRank(sorted, fraction);

        Assert.True(sorted.Count(v => v <= percentile) >= fraction * sorted.Length);
        Assert.True(sorted.Count(v => v < percentile) < fraction * sorted.Length);
    }

    [Fact]
    public async Task Bench_wire_times_both_operations_in_process_and_through_our_clients_over_http()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { WireBenchCommand.Create(output, error) };

        var exitCode = await root.Parse(["wire", "--calls", "3", "--warmup", "1", "--cli-calls", "0"]).InvokeAsync();

        Assert.True(exitCode == 0, error.ToString());
        var lines = output.ToString().Split('\n');
        foreach (var operation in new[] { WireBenchRunner.DescribeClusters, WireBenchRunner.DescribeVpcs })
        {
            Assert.Contains(lines, l => l.StartsWith(operation, StringComparison.Ordinal) && l.Contains(WireBenchResult.InProcess, StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith(operation, StringComparison.Ordinal) && l.Contains(WireBenchResult.OurClients, StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith($"{operation}: our clients over HTTP add", StringComparison.Ordinal));
        }
    }
}
