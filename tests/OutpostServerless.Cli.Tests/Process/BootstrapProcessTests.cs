using System.Text.Json.Nodes;
using OutpostServerless.Cli.Bench;
using OutpostServerless.Emulator.Lambda;
using OutpostServerless.Local.Workflow;

// Not ".Process": that namespace would hide System.Diagnostics.Process from every test namespace beside it.
namespace OutpostServerless.Cli.Tests.LambdaProcess;

/// <summary>The real bootstrap (the JIT build beside the tests) as a process on the emulator's Runtime API.</summary>
public sealed class BootstrapProcessTests
{
    private static readonly BootstrapCommand Bootstrap = BootstrapCommand.For(ProcessLambdaInvoker.DefaultBootstrap());

    private static readonly string ValidateRequestEvent = new JsonObject
    {
        ["request"] = JsonNode.Parse(File.ReadAllText(RepositoryFiles.Example("web-service.json"))),
        ["executionName"] = "bootstrap-process",
    }.ToJsonString();

    private static LambdaService Lambda(string handler)
    {
        var lambda = new LambdaService(new LambdaServiceOptions { EndpointUrl = new Uri("http://127.0.0.1:9") });
        lambda.AddFunction(new LambdaFunctionConfiguration("StepFunction", handler, Bootstrap, TimeSpan.FromSeconds(60), MemorySize: 512));
        return lambda;
    }

    [Fact]
    public async Task A_handler_the_table_does_not_know_fails_the_first_invocation_with_the_init_error_Runtime_HandlerNotFound()
    {
        await using var lambda = Lambda("EnsureVcp");

        var result = await lambda.InvokeAsync("StepFunction", "{}", CancellationToken.None);

        Assert.Equal("Runtime.HandlerNotFound", result.Error!.ErrorType);
        Assert.Contains("EnsureVpc", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task The_process_writes_JSON_log_lines_and_an_EMF_line_stamped_with_the_invocation()
    {
        var lambda = Lambda("ValidateRequest");
        var result = await lambda.InvokeAsync("StepFunction", ValidateRequestEvent, CancellationToken.None);
        await lambda.DisposeAsync();

        Assert.True(result.Succeeded, result.Error?.ErrorMessage);
        var lines = lambda.Logs.Where(l => !l.IsStandardError).Select(l => JsonNode.Parse(l.Text)!.AsObject()).ToList();
        var metric = lines.Single(l => l.ContainsKey("_aws"));
        Assert.Equal(result.RequestId, metric["requestId"]!.GetValue<string>());
        Assert.Equal("storefront-web", metric["provisioningId"]!.GetValue<string>());
        Assert.Equal("ValidateRequest", metric["step"]!.GetValue<string>());
        Assert.Equal("StepFunction", metric["function"]!.GetValue<string>());
        Assert.True(metric["coldStart"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_cold_start_benchmark_measures_each_start_as_a_fresh_process_and_reports_each_to_its_progress_sink()
    {
        var reported = new List<int>();

        var samples = await ColdStartBenchmark.MeasureAsync(
            Bootstrap.FileName == "dotnet" ? Bootstrap.Arguments[^1] : Bootstrap.FileName, starts: 2, warmup: 1, ValidateRequestEvent, reported.Add, CancellationToken.None);

        Assert.Equal(2, samples.Count);
        Assert.Equal([1, 2, 3], reported);
        Assert.All(samples, sample => Assert.True(sample.PeakResidentBytes > 0));
    }

    [Theory]
    [InlineData(new double[] { 5 }, 5, 5)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 2.5, 4)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 100 }, 10.5, 100)]
    public void The_benchmark_reports_the_median_and_the_nearest_rank_p99(double[] milliseconds, double median, double p99)
    {
        var statistics = ColdStartStatistics.From("v", milliseconds.Select(ms => new ColdStartSample(TimeSpan.FromMilliseconds(ms), null)).Reverse().ToList());

        Assert.Equal(median, statistics.MedianMilliseconds, 6);
        Assert.Equal(p99, statistics.P99Milliseconds, 6);
    }
}
