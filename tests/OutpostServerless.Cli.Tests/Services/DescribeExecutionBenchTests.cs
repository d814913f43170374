using System.Text.RegularExpressions;

namespace OutpostServerless.Cli.Tests.Services;

/// <summary><c>bench describe-execution</c>: concurrent signed DescribeExecution requests against emulator serve's Step Functions.</summary>
public sealed partial class DescribeExecutionBenchTests
{
    [Fact]
    public async Task It_prints_the_requests_per_second_its_clients_achieved()
    {
        var (exitCode, output, error) = await CliRun.RunAsync("bench", "describe-execution", "--clients", "4", "--seconds", "1");

        Assert.True(exitCode == 0, error);
        var measured = Measured().Match(output);
        Assert.True(measured.Success, output);
        Assert.True(int.Parse(measured.Groups["requests"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, output);
        Assert.Contains("from 4 concurrent clients", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_clients_is_refused_with_the_fix()
    {
        var (exitCode, _, error) = await CliRun.RunAsync("bench", "describe-execution", "--clients", "0");

        Assert.Equal(2, exitCode);
        Assert.Contains("Fix:", error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"DescribeExecution: (?<requests>\d+) requests in [\d.]+ s from \d+ concurrent clients: (?<rate>\d+) requests/s")]
    private static partial Regex Measured();
}
