using System.Text.Json.Nodes;
using OutpostServerless.Cli.Tests.Local;

namespace OutpostServerless.Cli.Tests.Wire;

/// <summary>
/// The proof that speaking AWS over HTTP changes nothing: the workflow with its steps' ports as the real
/// clients, talking HTTP to the emulator's wire server, gives the outputs and the per-operation call
/// counts (as the emulator's own call log counts them) of the run whose steps call the world in process.
/// </summary>
public sealed class WorkflowOverHttpTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("web-service.json")]
    [InlineData("batch-task.json")]
    public async Task An_example_run_over_http_gives_the_in_process_output(string example)
    {
        var inProcess = await WireRun.InProcessAsync(LocalRun.Example(example));
        var overHttp = await WireRun.OverHttpAsync(LocalRun.Example(example));

        Assert.Equal("SUCCEEDED", inProcess.Execution.Status);
        Assert.Equal(inProcess.Execution.Status, overHttp.Execution.Status);
        Assert.True(JsonNode.DeepEquals(inProcess.Execution.Output, overHttp.Execution.Output), $"in process: {inProcess.Execution.Output}\nover HTTP: {overHttp.Execution.Output}");
    }

    [Theory]
    [InlineData("web-service.json")]
    [InlineData("batch-task.json")]
    public async Task An_example_run_over_http_makes_the_in_process_calls(string example)
    {
        var inProcess = await WireRun.InProcessAsync(LocalRun.Example(example));
        var overHttp = await WireRun.OverHttpAsync(LocalRun.Example(example));

        output.WriteLine(string.Join(", ", overHttp.Calls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}")));
        Assert.NotEmpty(inProcess.Calls);
        Assert.Equal(Sorted(inProcess.Calls), Sorted(overHttp.Calls));
        Assert.Equal(inProcess.CallSequence.Select(c => (c.Operation, c.ErrorCode, c.At)), overHttp.CallSequence.Select(c => (c.Operation, c.ErrorCode, c.At)));
    }

    [Fact]
    public async Task A_failing_workload_step_over_http_rolls_back_as_in_process()
    {
        static void RunTaskFails(OutpostServerless.Emulator.EmulatedCloud cloud) =>
            cloud.InjectFault("ecs:RunTask", "InvalidParameterException", "No Container Instances were found in your cluster.");

        var inProcess = await WireRun.InProcessAsync(LocalRun.Example("batch-task.json"), RunTaskFails);
        var overHttp = await WireRun.OverHttpAsync(LocalRun.Example("batch-task.json"), RunTaskFails);

        Assert.Equal(("FAILED", "InvalidParameterException"), (inProcess.Execution.Status, inProcess.Execution.Error));
        Assert.Contains(inProcess.Execution.History, e => e.StateName == "Rollback");
        Assert.Equal((inProcess.Execution.Status, inProcess.Execution.Error), (overHttp.Execution.Status, overHttp.Execution.Error));
        Assert.Equal(ErrorMessage(inProcess.Execution.Cause), ErrorMessage(overHttp.Execution.Cause));
        Assert.Equal(Sorted(inProcess.Calls), Sorted(overHttp.Calls));
        Assert.Empty(inProcess.ResourcesLeft);
        Assert.Empty(overHttp.ResourcesLeft);
    }

    [Theory]
    [InlineData("web-service.json")]
    [InlineData("batch-task.json")]
    public async Task Over_http_the_clients_count_the_calls_the_emulator_counts(string example)
    {
        var overHttp = await WireRun.OverHttpAsync(LocalRun.Example(example));

        Assert.Equal(Sorted(overHttp.Calls), Sorted(overHttp.ClientCounts!));
    }

    private static List<KeyValuePair<string, int>> Sorted(IReadOnlyDictionary<string, int> counts) =>
        [.. counts.OrderBy(c => c.Key, StringComparer.Ordinal)];

    /// <summary>A function error's cause is its error JSON; the stack trace differs by transport, the message must not.</summary>
    private static string? ErrorMessage(string? cause) =>
        cause is null ? null : JsonNode.Parse(cause)?["errorMessage"]?.GetValue<string>();
}
