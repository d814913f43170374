using System.Text.Json.Nodes;
using OutpostServerless.Cli.Tests.Local;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.Workflow;

// Not ".Process": that namespace would hide System.Diagnostics.Process from every test namespace beside it.
namespace OutpostServerless.Cli.Tests.LambdaProcess;

/// <summary>
/// The end to end scenarios with every function run as Lambda runs it: the real <c>bootstrap</c> (the JIT build
/// beside the tests) as a child process on the emulator's Runtime API, reaching the world over HTTP through the
/// real AWS clients and the emulator's wire endpoint. Each must end exactly as the in-process run does.
/// </summary>
public sealed class ProcessRunTests
{
    private static readonly LocalWorkflow Workflow = new(SamTemplate.Load(RepositoryFiles.Template, new SamEnvironment("us-west-2", "123456789012")));

    private static Task<LocalRunResult> RunAsync(LambdaMode mode, JsonNode request, int? capacity = null, int? arrivesAfter = null, params FaultSpec[] faults) =>
        Workflow.RunAsync(
            new LocalRunSettings
            {
                Request = request,
                ExecutionName = "process-run",
                Capacity = capacity,
                CapacityArrivesAfterSeconds = arrivesAfter,
                Faults = faults,
                Lambda = mode,
            },
            observer: null,
            CancellationToken.None);

    [Fact]
    public async Task A_web_service_provisioned_through_bootstrap_processes_ends_as_it_does_in_process()
    {
        var inProcess = await RunAsync(LambdaMode.InProcess, LocalRun.Example("web-service.json"));
        var processes = await RunAsync(LambdaMode.Process, LocalRun.Example("web-service.json"));

        Assert.Equal("SUCCEEDED", processes.Execution.Status);
        Assert.True(JsonNode.DeepEquals(inProcess.Execution.Output, processes.Execution.Output));
        Assert.Equal(inProcess.Resources.Select(r => (r.Type, r.Id)).Order(), processes.Resources.Select(r => (r.Type, r.Id)).Order());
        Assert.Equal(inProcess.ApiCalls.OrderBy(c => c.Key), processes.ApiCalls.OrderBy(c => c.Key));
        Assert.Equal(LocalRun.StatesEntered(inProcess), LocalRun.StatesEntered(processes));
    }

    [Fact]
    public async Task A_function_error_reaches_the_Catch_by_its_name_and_the_provisioning_rolls_back()
    {
        var fault = new FaultSpec("ecs:CreateService", "InvalidParameterException", 1);

        var inProcess = await RunAsync(LambdaMode.InProcess, LocalRun.Example("web-service.json"), faults: fault);
        var processes = await RunAsync(LambdaMode.Process, LocalRun.Example("web-service.json"), faults: fault);

        Assert.Equal("FAILED", processes.Execution.Status);
        Assert.Equal("InvalidParameterException", processes.Execution.Error);
        Assert.Contains("Rollback", LocalRun.StatesEntered(processes));
        Assert.Empty(processes.Resources);
        Assert.Equal(LocalRun.StatesEntered(inProcess), LocalRun.StatesEntered(processes));
        var cause = JsonNode.Parse(processes.Execution.Cause!)!;
        Assert.Equal("InvalidParameterException", cause["errorType"]!.GetValue<string>());
        Assert.Equal(JsonNode.Parse(inProcess.Execution.Cause!)!["errorMessage"]!.GetValue<string>(), cause["errorMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_capacity_gate_in_a_process_reads_the_worlds_virtual_time_and_waits_as_in_process()
    {
        var inProcess = await RunAsync(LambdaMode.InProcess, LocalRun.Example("web-service.json"), capacity: 0, arrivesAfter: 1200);
        var processes = await RunAsync(LambdaMode.Process, LocalRun.Example("web-service.json"), capacity: 0, arrivesAfter: 1200);

        Assert.Equal("SUCCEEDED", processes.Execution.Status);
        Assert.Equal(inProcess.VirtualSeconds, processes.VirtualSeconds);
        Assert.Equal(LocalRun.StatesEntered(inProcess), LocalRun.StatesEntered(processes));
    }

    [Fact]
    public async Task An_invalid_request_fails_InvalidRequest_naming_the_field_with_no_call_to_AWS()
    {
        var request = LocalRun.Example("web-service.json");
        request["network"]!["subnetCidr"] = "10.9.0.0/24";

        var result = await RunAsync(LambdaMode.Process, request);

        Assert.Equal("FAILED", result.Execution.Status);
        Assert.Equal("Provisioning.InvalidRequest", result.Execution.Error);
        Assert.Contains("network.subnetCidr", result.Execution.Cause);
        Assert.Empty(result.ApiCalls);
    }
}
