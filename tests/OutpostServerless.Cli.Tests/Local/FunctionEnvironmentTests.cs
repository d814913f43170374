using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.Workflow;

namespace OutpostServerless.Cli.Tests.Local;

/// <summary>The functions run in process with the environment the template gives them, as on Lambda.</summary>
public sealed class FunctionEnvironmentTests
{
    [Fact]
    public async Task The_stacks_DefaultCapacityWaitSeconds_bounds_the_gate_for_a_request_that_sets_no_wait()
    {
        var template = SamTemplate.Load(RepositoryFiles.Template, new SamEnvironment("us-west-2", "123456789012"),
            new Dictionary<string, string> { ["DefaultCapacityWaitSeconds"] = "600" });
        var request = LocalRun.Example("batch-task.json");
        request.Remove("capacityWait");

        var result = await new LocalWorkflow(template).RunAsync(
            new LocalRunSettings { Request = request, ExecutionName = "short-wait", Capacity = 0 }, observer: null, CancellationToken.None);

        Assert.Equal("Provisioning.CapacityUnavailable", result.Execution.Error);
        Assert.Contains("of the 600 s allowed", result.Execution.Cause);
        Assert.InRange(result.VirtualSeconds, 600, 900);
    }
}
