using System.Text.Json.Nodes;
using OutpostServerless.Local.Workflow;

namespace OutpostServerless.Cli.Tests.Local;

public sealed class LocalWorkflowTests
{
    [Fact]
    public async Task A_web_service_request_with_enough_capacity_provisions_every_resource_of_the_runbook()
    {
        var result = await LocalRun.RunAsync(LocalRun.Example("web-service.json"));

        Assert.Equal("SUCCEEDED", result.Execution.Status);
        var byType = result.Resources.GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, byType["vpc"]);
        Assert.Equal(1, byType["subnet"]);
        Assert.Equal(1, byType["security-group"]);
        Assert.Equal(1, byType["role"]);
        Assert.Equal(1, byType["instance-profile"]);
        Assert.Equal(1, byType["cluster"]);
        Assert.Equal(2, byType["instance"]);
        Assert.Equal(1, byType["task-definition"]);
        Assert.Equal(1, byType["service"]);
        var workload = result.Execution.Output!["resources"]!["workload"]!;
        Assert.Equal("service", workload["mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_batch_task_request_runs_its_task_on_the_Outpost_cluster()
    {
        var result = await LocalRun.RunAsync(LocalRun.Example("batch-task.json"));

        Assert.Equal("SUCCEEDED", result.Execution.Status);
        var taskArns = result.Execution.Output!["resources"]!["workload"]!["taskArns"]!.AsArray();
        Assert.Single(taskArns);
        Assert.DoesNotContain(result.Resources, r => r.Type == "service");
    }

    [Fact]
    public async Task A_rerun_of_a_finished_provisioning_with_the_same_state_file_makes_no_mutating_call_and_gives_the_same_output()
    {
        var stateFile = Path.Combine(Path.GetTempPath(), $"outpost-serverless-{Guid.NewGuid():N}.json");
        try
        {
            var first = await LocalRun.RunAsync(LocalRun.Example("web-service.json"), stateFile: stateFile);
            var second = await LocalRun.RunAsync(LocalRun.Example("web-service.json"), stateFile: stateFile);

            Assert.Equal("SUCCEEDED", first.Execution.Status);
            Assert.True(first.MutatingCalls > 0);
            Assert.Equal("SUCCEEDED", second.Execution.Status);
            Assert.Equal(0, second.MutatingCalls);
            Assert.True(JsonNode.DeepEquals(first.Execution.Output, second.Execution.Output));
            Assert.Equal(first.Resources.Select(r => r.Id).Order(), second.Resources.Select(r => r.Id).Order());
        }
        finally
        {
            File.Delete(stateFile);
        }
    }

    [Fact]
    public async Task With_no_capacity_the_gate_waits_in_virtual_time_and_proceeds_when_capacity_arrives()
    {
        var result = await LocalRun.RunAsync(LocalRun.Example("web-service.json"), capacity: 0, capacityArrivesAfter: 1200);

        Assert.Equal("SUCCEEDED", result.Execution.Status);
        Assert.True(result.VirtualSeconds >= 1200, $"finished after {result.VirtualSeconds} virtual seconds, before capacity arrived");
        Assert.True(LocalRun.StatesEntered(result).Count(s => s == "WaitForCapacity") >= 2);
        var launched = result.Execution.History.Last(e => e.Type == "TaskStateExited" && e.StateName == "LaunchContainerInstances");
        Assert.True(launched.Timestamp - result.Execution.StartDate >= TimeSpan.FromSeconds(1200));
    }

    [Fact]
    public async Task When_the_capacity_wait_is_spent_the_run_fails_CapacityUnavailable_and_leaves_nothing_behind()
    {
        var request = LocalRun.Example("web-service.json");
        request["capacityWait"] = new JsonObject { ["maxSeconds"] = 900, ["pollSeconds"] = 60 };

        var result = await LocalRun.RunAsync(request, capacity: 1);

        Assert.Equal("FAILED", result.Execution.Status);
        Assert.Equal("Provisioning.CapacityUnavailable", result.Execution.Error);
        Assert.Contains("c5.large", result.Execution.Cause);
        Assert.True(result.VirtualSeconds >= 900);
        Assert.Empty(result.Resources);
    }

    [Fact]
    public async Task A_launch_rejected_with_InsufficientInstanceCapacity_goes_back_to_the_gate_then_succeeds()
    {
        var result = await LocalRun.RunAsync(LocalRun.Example("web-service.json"),
            faults: new FaultSpec("ec2:RunInstances", "InsufficientInstanceCapacity", 1));

        Assert.Equal("SUCCEEDED", result.Execution.Status);
        var states = LocalRun.StatesEntered(result);
        Assert.Equal(2, states.Count(s => s == "LaunchContainerInstances"));
        Assert.Contains("MarkLaunchRejected", states);
        Assert.True(states.Count(s => s == "CheckCapacity") >= 2);
        Assert.Equal(2, result.Resources.Count(r => r.Type == "instance"));
    }

    [Fact]
    public async Task A_failure_in_the_workload_step_rolls_back_everything_this_provisioning_made()
    {
        var result = await LocalRun.RunAsync(LocalRun.Example("web-service.json"),
            faults: new FaultSpec("ecs:CreateService", "InvalidParameterException", 1));

        Assert.Equal("FAILED", result.Execution.Status);
        Assert.Equal("InvalidParameterException", result.Execution.Error);
        Assert.Contains("Rollback", LocalRun.StatesEntered(result));
        Assert.Empty(result.Resources);
    }

    [Fact]
    public async Task Rollback_waits_out_the_instances_shutdown_and_their_lingering_network_interfaces_then_leaves_nothing()
    {
        var result = await LocalRun.RunAsync(LocalRun.Example("web-service.json"),
            faults: new FaultSpec("ecs:CreateService", "InvalidParameterException", 1));

        // Each Rollback attempt the state machine retried, by the error it met: first the instances are still
        // shutting down, then EC2 refuses the security group while their network interfaces are released.
        var waits = result.Execution.History
            .Where(e => e.Error is not null && e.Type != "ExecutionFailed")
            .SkipWhile(e => e.Error != "Provisioning.RollbackPending")
            .Select(e => e.Error!)
            .Distinct()
            .ToList();
        Assert.Equal(["Provisioning.RollbackPending", "DependencyViolation"], waits);
        Assert.Equal("FAILED", result.Execution.Status);
        Assert.Equal("InvalidParameterException", result.Execution.Error);
        Assert.Empty(result.Resources);
    }

    [Fact]
    public async Task With_onFailure_retain_a_failed_provisioning_keeps_what_it_made()
    {
        var request = LocalRun.Example("web-service.json");
        request["onFailure"] = "retain";

        var result = await LocalRun.RunAsync(request, faults: new FaultSpec("ecs:CreateService", "InvalidParameterException", 1));

        Assert.Equal("FAILED", result.Execution.Status);
        Assert.DoesNotContain("Rollback", LocalRun.StatesEntered(result));
        Assert.Contains(result.Resources, r => r.Type == "cluster");
        Assert.Equal(2, result.Resources.Count(r => r.Type == "instance"));
    }

    [Fact]
    public async Task An_invalid_request_fails_InvalidRequest_naming_the_field_with_no_call_to_AWS()
    {
        var request = LocalRun.Example("web-service.json");
        request["network"]!["subnetCidr"] = "10.9.0.0/24";

        var result = await LocalRun.RunAsync(request);

        Assert.Equal("FAILED", result.Execution.Status);
        Assert.Equal("Provisioning.InvalidRequest", result.Execution.Error);
        Assert.Contains("network.subnetCidr", result.Execution.Cause);
        Assert.Empty(result.ApiCalls);
    }
}
