using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

public sealed class StepsJsonContextTests
{
    private static JsonNode PlanJson() => JsonSerializer.SerializeToNode(TestPlans.Default(), StepsJsonContext.Default.ProvisioningPlan)!;

    [Fact]
    public void CapacityGate_is_written_with_the_contract_member_names()
    {
        var gate = new CapacityGate(true, false, 3, 60, 90, false, "ok.");

        var json = JsonSerializer.SerializeToNode(gate, StepsJsonContext.Default.CapacityGate)!.AsObject();

        Assert.Equal(
            ["hasCapacity", "exhausted", "freeSlots", "waitedSeconds", "nextWaitSeconds", "launchRejected", "reason"],
            json.Select(p => p.Key));
    }

    [Fact]
    public void CheckCapacity_reads_a_whole_earlier_gate_as_its_progress()
    {
        var input = new JsonObject
        {
            ["plan"] = PlanJson(),
            ["gate"] = JsonSerializer.SerializeToNode(new CapacityGate(false, false, 1, 90, 120, true, "short."), StepsJsonContext.Default.CapacityGate),
        };

        var parsed = input.Deserialize(StepsJsonContext.Default.CheckCapacityInput)!;

        Assert.Equal(new CapacityWaitProgress(90, true), parsed.Gate);
        Assert.Equal(TestPlans.Default().ProvisioningId, parsed.Plan.ProvisioningId);
    }

    [Fact]
    public void Rollback_reads_the_failure_as_a_Catch_writes_it()
    {
        var input = new JsonObject
        {
            ["plan"] = PlanJson(),
            ["failure"] = new JsonObject { ["Error"] = "InsufficientInstanceCapacity", ["Cause"] = "no room" },
        };

        var parsed = input.Deserialize(StepsJsonContext.Default.RollbackInput)!;

        Assert.Equal(new StepFailure("InsufficientInstanceCapacity", "no room"), parsed.Failure);
    }

    [Fact]
    public void Resources_omit_what_no_step_has_written_yet()
    {
        var resources = new ProvisioningResources { Vpc = new VpcResource("vpc-1", "10.0.0.0/16") };

        var json = JsonSerializer.Serialize(resources, StepsJsonContext.Default.ProvisioningResources);

        Assert.Equal("""{"vpc":{"vpcId":"vpc-1","cidrBlock":"10.0.0.0/16"}}""", json);
    }

    [Fact]
    public void Workload_omits_the_service_arn_in_task_mode()
    {
        var json = JsonSerializer.Serialize(new WorkloadResource("task", null, ["arn:task/1"]), StepsJsonContext.Default.WorkloadResource);

        Assert.Equal("""{"mode":"task","taskArns":["arn:task/1"]}""", json);
    }
}
