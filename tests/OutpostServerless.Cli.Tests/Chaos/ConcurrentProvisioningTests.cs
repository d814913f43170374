using System.Text.Json.Nodes;
using OutpostServerless.Cli.Chaos;

namespace OutpostServerless.Cli.Tests.Chaos;

/// <summary>Many executions on one Outpost at the same virtual instant, sharing its capacity.</summary>
public sealed class ConcurrentProvisioningTests
{
    private const int Provisionings = 50;
    private const int Slots = 30;

    // batch-task asks for one m5.large; fifty of them at once, on an Outpost with thirty free.
    private static readonly Lazy<Task<(ChaosWorld World, ExecutionPair[] Runs)>> Crowd = new(async () =>
    {
        var world = new ChaosWorld();
        world.Cloud.SetFreeSlots("m5.large", Slots);
        var runs = Enumerable.Range(0, Provisionings)
            .Select(i => (Request: (JsonNode)ChaosWorld.Request("batch-task", $"tenant-{i:D2}", instanceCount: 1, maxWaitSeconds: 900), ExecutionName: $"tenant-{i:D2}"))
            .ToList();
        var results = await world.RunTogetherAsync(runs);
        return (world, results.Select((r, i) => new ExecutionPair(runs[i].ExecutionName, r)).ToArray());
    });

    [Fact]
    public async Task Fifty_provisionings_on_thirty_slots_never_launch_more_instances_than_there_are_slots()
    {
        var (world, _) = await Crowd.Value;

        Assert.Equal(Slots, world.Cloud.Calls.All.Count(c => c.Operation == "ec2:RunInstances" && c.Succeeded));
        Assert.Equal(Slots, world.Cloud.Resources().Count(r => r.Type == "instance"));
        Assert.Equal(0, world.Cloud.FreeSlots("m5.large"));
    }

    [Fact]
    public async Task Thirty_of_the_fifty_succeed_with_exactly_their_inventory()
    {
        var (world, runs) = await Crowd.Value;
        var expected = ChaosWorld.NonZero(ExpectedInventory.For(ChaosWorld.Request("batch-task", "tenant-00"), "tenant-00"));

        var succeeded = runs.Where(r => r.Execution.Status == "SUCCEEDED").ToList();

        Assert.Equal(Slots, succeeded.Count);
        Assert.All(succeeded, r => Assert.Equal(expected.OrderBy(e => e.Key), world.Inventory(r.ProvisioningId).OrderBy(e => e.Key)));
    }

    [Fact]
    public async Task The_twenty_that_could_not_launch_wait_then_fail_CapacityUnavailable_leaving_nothing()
    {
        var (world, runs) = await Crowd.Value;

        var failed = runs.Where(r => r.Execution.Status != "SUCCEEDED").ToList();

        Assert.Equal(Provisionings - Slots, failed.Count);
        Assert.All(failed, r =>
        {
            Assert.Equal("Provisioning.CapacityUnavailable", r.Execution.Error);
            Assert.Contains("WaitForCapacity", ChaosWorld.StatesEntered(r.Execution));
            Assert.Contains("Rollback", ChaosWorld.StatesEntered(r.Execution));
            Assert.Empty(world.Owned(r.ProvisioningId));
        });
    }

    /// <summary>
    /// One change at a time (issue 9): two executions for one provisioning started at the same virtual
    /// instant on one world race for its record; exactly one proceeds, the other fails
    /// Provisioning.ChangeInProgress naming it, before any resource is touched.
    /// </summary>
    [Fact]
    public async Task Two_executions_started_at_once_for_one_provisioning_one_proceeds_and_the_other_is_refused_having_changed_nothing()
    {
        var world = new ChaosWorld();
        var request = ChaosWorld.Request("web-service", "shared-id", instanceCount: 2);
        var expected = ChaosWorld.NonZero(ExpectedInventory.For(request, "shared-id"));
        var alone = new ChaosWorld();
        await alone.RunAsync(request.DeepClone(), "alone");

        var results = await world.RunTogetherAsync([(request, "first-start"), (request.DeepClone(), "second-start")]);

        var winner = Assert.Single(results, r => r.Status == "SUCCEEDED");
        var refused = Assert.Single(results, r => r.Status == "FAILED");
        Assert.Equal("Provisioning.ChangeInProgress", refused.Error);
        Assert.Contains($"is being changed by execution {winner.ExecutionName}", refused.Cause, StringComparison.Ordinal);
        Assert.Equal(["ValidateRequest", "BeginChange"], ChaosWorld.StatesEntered(refused));
        Assert.Equal(expected.OrderBy(e => e.Key), world.Inventory("shared-id").OrderBy(e => e.Key));
        // The refused execution changed no resource and wrote no record: the world saw what one execution alone does.
        Assert.Equal(alone.Cloud.Calls.MutatingTotal, world.Cloud.Calls.MutatingTotal);
        Assert.Equal(1, world.Cloud.Calls.All.Count(c => c.Operation == "dynamodb:PutItem" && c.Caller == "BeginChangeFunction" && c.Succeeded));
    }

    internal sealed record ExecutionPair(string ProvisioningId, StateMachine.ExecutionResult Execution);
}
