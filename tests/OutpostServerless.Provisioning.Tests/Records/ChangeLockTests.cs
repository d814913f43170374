using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging.Abstractions;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Records;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Records;

/// <summary>BeginChange and EndChange on the provisioning record, in the emulated DynamoDB.</summary>
public sealed class ChangeLockTests
{
    private static readonly ProvisioningRecordOptions Options = ProvisioningRecordOptions.Default;
    private readonly ProvisioningWorld _world;
    private readonly ProvisioningRecords _records;

    public ChangeLockTests()
    {
        _world = ProvisioningWorld.Create();
        _world.Cloud.DeployTable(new CreateTableRequest
        {
            TableName = Options.TableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("provisioningId", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("provisioningId", KeyType.HASH)],
        });
        _records = new ProvisioningRecords(_world.Aws.DynamoDb, Options.TableName);
    }

    private Task<ChangeTicket> BeginAsync(string execution, ChangeKind action = ChangeKind.Apply) =>
        new BeginChange(_records, Options, _world.Clock, NullLogger<BeginChange>.Instance)
            .RunAsync(new BeginChangeInput(execution, _world.Plan, Action: action), CancellationToken.None);

    /// <summary>As the teardown machine begins: the provisioning id only, no plan.</summary>
    private Task<ChangeTicket> BeginTeardownAsync(string execution) =>
        new BeginChange(_records, Options, _world.Clock, NullLogger<BeginChange>.Instance)
            .RunAsync(new BeginChangeInput(execution, ProvisioningId: _world.Plan.ProvisioningId, Action: ChangeKind.Teardown), CancellationToken.None);

    private Task<EndChangeResult> EndAsync(string execution, ChangeOutcome outcome, ChangeKind action = ChangeKind.Apply, StepFailure? failure = null) =>
        new EndChange(_records, _world.Queue, _world.Clock, NullLogger<EndChange>.Instance)
            .RunAsync(new EndChangeInput(execution, outcome, _world.Plan, Action: action, Failure: failure), CancellationToken.None);

    private Task<ProvisioningRecord?> RecordAsync() => _records.GetAsync(_world.Plan.ProvisioningId, CancellationToken.None);

    [Fact]
    public async Task A_second_execution_is_refused_naming_the_first_while_the_first_holds_the_lock()
    {
        var first = await BeginAsync("apply-1");

        var refused = await Assert.ThrowsAsync<ChangeInProgressException>(() => BeginAsync("apply-2"));

        Assert.Equal((1, "apply-1"), (first.Generation, refused.RunningExecution));
        Assert.Equal("Provisioning.ChangeInProgress", refused.ErrorName);
        Assert.StartsWith($"provisioningId: {_world.Plan.ProvisioningId} is being changed by execution apply-1", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_begin_returns_the_same_generation_and_takes_nothing_new()
    {
        var first = await BeginAsync("apply-1");

        var retried = await BeginAsync("apply-1");

        Assert.Equal(first, retried);
        Assert.Equal(1, (await RecordAsync())!.Generation);
    }

    [Fact]
    public async Task Ending_records_the_applied_plan_and_outcome_and_the_next_change_takes_the_next_generation()
    {
        await BeginAsync("apply-1");
        var ended = await EndAsync("apply-1", ChangeOutcome.Succeeded);
        var second = await BeginAsync("apply-2");

        var record = (await RecordAsync())!;
        Assert.True(ended.Released);
        Assert.Equal(2, second.Generation);
        Assert.Equal(1, record.LastAppliedGeneration);
        Assert.Contains(_world.Plan.ProvisioningId, record.LastAppliedPlan, StringComparison.Ordinal);
        Assert.Equal([("apply-1", ChangeOutcome.Succeeded), ("apply-2", ChangeOutcome.Running)], record.Executions.Select(e => (e.Execution, e.Outcome)));
    }

    [Fact]
    public async Task A_failed_change_keeps_the_last_applied_plan_records_the_error_and_releases_the_lock()
    {
        await BeginAsync("apply-1");
        await EndAsync("apply-1", ChangeOutcome.Succeeded);
        await BeginAsync("apply-2");

        await EndAsync("apply-2", ChangeOutcome.Failed, failure: new StepFailure("InvalidParameterException", "bad image"));

        var record = (await RecordAsync())!;
        Assert.Null(record.Lock);
        Assert.Equal(1, record.LastAppliedGeneration);
        Assert.Equal(("InvalidParameterException", "bad image"), (record.Executions[^1].Error, record.Executions[^1].Cause));
    }

    [Fact]
    public async Task A_lock_whose_lease_lapsed_is_taken_over_and_its_holder_can_no_longer_release_it()
    {
        await BeginAsync("timed-out");
        _world.Clock.Advance(Options.Lease);

        var next = await BeginAsync("apply-2");
        var late = await EndAsync("timed-out", ChangeOutcome.Failed);

        Assert.Equal(2, next.Generation);
        Assert.False(late.Released);
        Assert.Equal("apply-2", (await RecordAsync())!.Lock!.Execution);
    }

    [Fact]
    public async Task A_succeeded_teardown_marks_the_record_deleted_and_generations_keep_counting()
    {
        await BeginAsync("apply-1");
        await EndAsync("apply-1", ChangeOutcome.Succeeded);
        await BeginAsync("teardown-2", ChangeKind.Teardown);
        await EndAsync("teardown-2", ChangeOutcome.Succeeded, ChangeKind.Teardown);

        var recreated = await BeginAsync("apply-3");

        Assert.Equal(3, recreated.Generation);
        var record = (await RecordAsync())!;
        Assert.Null(record.LastAppliedPlan);
        Assert.Equal(ProvisioningStatus.Deleted, record.Status);
    }

    [Fact]
    public async Task A_teardown_is_given_the_last_applied_plan_whose_names_it_looks_for()
    {
        await BeginAsync("apply-1");
        await EndAsync("apply-1", ChangeOutcome.Succeeded);

        var teardown = await BeginTeardownAsync("teardown-2");

        Assert.Equal((ChangeKind.Teardown, 2L), (teardown.Action, teardown.Generation));
        Assert.Equal(_world.Plan.Cluster.Name, teardown.Plan!.Cluster.Name);
    }

    [Fact]
    public async Task A_first_creation_that_failed_gives_its_teardown_the_attempted_plan_so_retained_resources_can_go()
    {
        await BeginAsync("apply-1");
        await EndAsync("apply-1", ChangeOutcome.Failed, failure: new StepFailure("States.Timeout", "capacity never came"));

        var teardown = await BeginTeardownAsync("teardown-2");

        Assert.Null((await RecordAsync())!.LastAppliedPlan);
        Assert.Equal(_world.Plan.Network.SecurityGroupName, teardown.Plan!.Network.SecurityGroupName);
    }

    [Fact]
    public async Task A_teardown_of_an_id_never_applied_here_is_refused_as_not_found_and_takes_no_lock()
    {
        var refused = await Assert.ThrowsAsync<ProvisioningNotFoundException>(() => BeginTeardownAsync("teardown-1"));

        Assert.Equal("Provisioning.NotFound", refused.ErrorName);
        Assert.StartsWith($"provisioningId: {_world.Plan.ProvisioningId} is not a provisioning of this stack", refused.Message, StringComparison.Ordinal);
        Assert.Null(await RecordAsync());
    }

    [Fact]
    public async Task A_second_teardown_still_knows_what_to_look_for_so_it_can_prove_nothing_is_left()
    {
        await BeginAsync("apply-1");
        await EndAsync("apply-1", ChangeOutcome.Succeeded);
        await BeginTeardownAsync("teardown-2");
        await EndAsync("teardown-2", ChangeOutcome.Succeeded, ChangeKind.Teardown);

        var again = await BeginTeardownAsync("teardown-3");

        Assert.Equal(_world.Plan.Iam.RoleName, again.Plan!.Iam.RoleName);
        Assert.Equal(ProvisioningStatus.Deleted, (await RecordAsync())!.Status);
    }

    [Fact]
    public async Task The_record_keeps_only_the_last_ten_executions()
    {
        for (var i = 1; i <= 12; i++)
        {
            await BeginAsync($"apply-{i}");
            await EndAsync($"apply-{i}", ChangeOutcome.Succeeded);
        }

        var record = (await RecordAsync())!;
        Assert.Equal(Enumerable.Range(3, 10).Select(i => $"apply-{i}"), record.Executions.Select(e => e.Execution));
    }
}
