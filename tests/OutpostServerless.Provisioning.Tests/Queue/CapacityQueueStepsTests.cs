using Microsoft.Extensions.Logging.Abstractions;
using OutpostServerless.Provisioning.Queue;
using OutpostServerless.Provisioning.Records;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Queue;

/// <summary>The gate, the park and the end of a change on the capacity queue table, in the emulated DynamoDB.</summary>
public sealed class CapacityQueueStepsTests
{
    private readonly ProvisioningWorld _world = ProvisioningWorld.Create();

    private Task<QueuePlace> ParkAsync(ProvisioningWorld world, string token) =>
        world.JoinCapacityQueue.RunAsync(new JoinCapacityQueueInput(world.Plan, token), CancellationToken.None);

    private ProvisioningWorld Other(string id) => _world.WithPlan(p => p with { ProvisioningId = id, ExecutionId = id + "@1" });

    [Fact]
    public async Task A_provisioning_short_of_capacity_parks_with_its_token_what_it_waits_for_and_since_when()
    {
        var place = await ParkAsync(_world, "token-1");

        var entry = await _world.Queue.GetAsync(_world.Plan.OutpostId, "c5.large", _world.Plan.ProvisioningId, CancellationToken.None);
        Assert.Equal((1, 0, 2, QueueEntryStatus.Waiting), (place.Position, place.SlotsAhead, place.SlotsNeeded, place.Status));
        Assert.Equal((QueueEntryStatus.Waiting, "token-1", 2, ProvisioningWorld.Start), (entry!.Status, entry.TaskToken, entry.SlotsNeeded, entry.Since));
    }

    [Fact]
    public async Task Parking_again_keeps_the_place_and_takes_the_new_token()
    {
        var early = Other("early");
        await ParkAsync(early, "early-1");
        _world.Clock.Advance(TimeSpan.FromSeconds(30));
        await ParkAsync(_world, "late-1");
        _world.Clock.Advance(TimeSpan.FromSeconds(300));

        await ParkAsync(early, "early-2");

        var entries = await _world.Queue.ListAsync(_world.Plan.OutpostId, "c5.large", CancellationToken.None);
        var first = entries.Order(CapacityQueueEntry.ArrivalOrder).First();
        Assert.Equal(("early", "early-2", ProvisioningWorld.Start), (first.ProvisioningId, first.TaskToken, first.Since));
    }

    [Fact]
    public async Task Free_slots_go_to_the_provisioning_waiting_ahead_not_to_one_that_checks_later()
    {
        await ParkAsync(Other("early"), "early-1");
        _world.SetFreeSlotsAndPublish("c5.large", 3);

        var gate = await _world.CheckCapacityAsync();

        Assert.False(gate.HasCapacity);
        Assert.Contains("provisionings that arrived earlier wait for those slots", gate.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provisioning_the_queue_admitted_goes_and_its_gate_opens_holding_its_slots()
    {
        await ParkAsync(_world, "token-1");
        var entry = (await _world.Queue.GetAsync(_world.Plan.OutpostId, "c5.large", _world.Plan.ProvisioningId, CancellationToken.None))!;
        await _world.Queue.TryReplaceAsync(entry with { Status = QueueEntryStatus.Admitted, AdmittedAt = ProvisioningWorld.Start }, entry, CancellationToken.None);
        _world.SetFreeSlotsAndPublish("c5.large", 0); // the metric has not caught up; the admission is the word

        var gate = await _world.CheckCapacityAsync();

        Assert.True(gate.HasCapacity);
        Assert.Contains("the capacity queue admitted it", gate.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_time_waited_counts_from_the_first_place_in_the_queue()
    {
        _world.SetFreeSlotsAndPublish("c5.large", 0);
        await ParkAsync(_world, "token-1");
        _world.Clock.Advance(TimeSpan.FromSeconds(700));

        var gate = await _world.CheckCapacityAsync(waitedSeconds: 60);

        Assert.Equal(700, gate.WaitedSeconds);
    }

    [Fact]
    public async Task A_gate_that_opens_records_the_provisioning_admitted_so_a_later_one_cannot_count_on_its_slots()
    {
        _world.SetFreeSlotsAndPublish("c5.large", 3);

        var first = await _world.CheckCapacityAsync();
        var second = await Other("second").CheckCapacityAsync();

        Assert.True(first.HasCapacity);
        Assert.False(second.HasCapacity); // 3 free, 2 held by the first, 2 needed
    }

    [Theory]
    [InlineData(ChangeOutcome.Failed, ChangeKind.Apply, null)]
    [InlineData(ChangeOutcome.Succeeded, ChangeKind.Apply, QueueEntryStatus.Launched)]
    public async Task Ending_a_change_takes_the_provisioning_out_of_the_queue(ChangeOutcome outcome, ChangeKind action, QueueEntryStatus? left)
    {
        var records = new ProvisioningRecords(_world.Aws.DynamoDb, ProvisioningRecordOptions.DefaultTableName);
        DeployRecords();
        _world.SetFreeSlotsAndPublish("c5.large", 2);
        await new BeginChange(records, ProvisioningRecordOptions.Default, _world.Clock, NullLogger<BeginChange>.Instance)
            .RunAsync(new BeginChangeInput("exec-1", _world.Plan), CancellationToken.None);
        await _world.CheckCapacityAsync(); // admitted: holds its slots

        await new EndChange(records, _world.Queue, _world.Clock, NullLogger<EndChange>.Instance)
            .RunAsync(new EndChangeInput("exec-1", outcome, _world.Plan, Action: action), CancellationToken.None);

        var entry = await _world.Queue.GetAsync(_world.Plan.OutpostId, "c5.large", _world.Plan.ProvisioningId, CancellationToken.None);
        Assert.Equal(left, entry?.Status);
    }

    private void DeployRecords() => _world.Cloud.DeployTable(new Amazon.DynamoDBv2.Model.CreateTableRequest
    {
        TableName = ProvisioningRecordOptions.DefaultTableName,
        BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions = [new("provisioningId", Amazon.DynamoDBv2.ScalarAttributeType.S)],
        KeySchema = [new("provisioningId", Amazon.DynamoDBv2.KeyType.HASH)],
    });

    [Fact]
    public async Task The_queue_lists_each_instance_type_s_queue_in_the_order_it_will_be_served()
    {
        await ParkAsync(Other("first"), "t1");
        _world.Clock.Advance(TimeSpan.FromSeconds(10));
        await ParkAsync(Other("second"), "t2");
        _world.SetFreeSlotsAndPublish("c5.large", 10);
        await Other("through").CheckCapacityAsync(); // not first in line: 10 free, 4 wanted ahead, 2 for it

        var places = await new CapacityQueueReader(_world.Aws, _world.Queue).ListAsync(null, CancellationToken.None);

        Assert.Equal([("through", 0, QueueEntryStatus.Admitted), ("first", 1, QueueEntryStatus.Waiting), ("second", 2, QueueEntryStatus.Waiting)],
            places.Select(p => (p.ProvisioningId, p.Position, p.Status)));
        Assert.Equal([0, 0, 2], places.Select(p => p.SlotsAhead));
    }
}
