using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging.Abstractions;
using OutpostServerless.Provisioning.Api;
using OutpostServerless.Provisioning.Records;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Status;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tests.Request;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Api;

/// <summary>The provisionings API reads the record to name executions <c>&lt;id&gt;-&lt;generation&gt;</c> and to refuse a second change.</summary>
public sealed class ProvisioningsApiTests
{
    private const string Apply = "arn:aws:states:us-west-2:123456789012:stateMachine:outpost-serverless-provision";
    private const string Teardown = "arn:aws:states:us-west-2:123456789012:stateMachine:outpost-serverless-teardown";
    private readonly ProvisioningWorld _world = ProvisioningWorld.Create();
    private readonly ProvisioningRecords _records;
    private readonly RecordingStepFunctions _stepFunctions = new();
    private readonly ProvisioningsApi _api;

    public ProvisioningsApiTests()
    {
        var options = ProvisioningRecordOptions.Default;
        _world.Cloud.DeployTable(new CreateTableRequest
        {
            TableName = options.TableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("provisioningId", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("provisioningId", KeyType.HASH)],
        });
        _records = new ProvisioningRecords(_world.Aws.DynamoDb, options.TableName);
        var planner = new PlanProvisioning(_world.Aws, NullLogger<PlanProvisioning>.Instance);
        var status = new ProvisioningStatusReader(_records, new DescribeProvisioning(_world.Aws, NullLogger<DescribeProvisioning>.Instance), planner, _world.Queue, _world.Clock);
        _api = new ProvisioningsApi(_records, _stepFunctions, new RequestValidator(), new ProvisioningsApiOptions(Apply, Teardown), _world.Clock, status, planner);
    }

    private static JsonObject Request() => SampleRequests.Parse(SampleRequests.WebService);

    /// <summary>As the apply machine begins: with the request's validated plan.</summary>
    private Task<ChangeTicket> BeginAsync(string execution) =>
        new BeginChange(_records, ProvisioningRecordOptions.Default, _world.Clock, NullLogger<BeginChange>.Instance)
            .RunAsync(new BeginChangeInput(execution, new RequestValidator().Validate(Request(), execution).Plan), CancellationToken.None);

    private Task<EndChangeResult> EndAsync(string execution) =>
        new EndChange(_records, _world.Queue, _world.Clock, NullLogger<EndChange>.Instance)
            .RunAsync(new EndChangeInput(execution, ChangeOutcome.Succeeded, new RequestValidator().Validate(Request(), execution).Plan), CancellationToken.None);

    [Fact]
    public async Task A_new_provisioning_starts_generation_one_and_a_re_post_after_it_ended_starts_the_next()
    {
        var first = await _api.ApplyAsync(Request(), CancellationToken.None);
        await BeginAsync("shop-web-1");
        await EndAsync("shop-web-1");

        var second = await _api.ApplyAsync(Request(), CancellationToken.None);

        Assert.Equal((202, 202), (first.StatusCode, second.StatusCode));
        Assert.Equal(["shop-web-1", "shop-web-2"], _stepFunctions.Started.Select(s => s.Name));
        Assert.All(_stepFunctions.Started, s => Assert.Equal(Apply, s.StateMachineArn));
        Assert.Equal("shop-web", JsonNode.Parse(_stepFunctions.Started[0].Input!)!["provisioningId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_post_while_a_change_runs_is_409_naming_it_and_starts_nothing()
    {
        await BeginAsync("shop-web-1");

        var refused = await _api.ApplyAsync(Request(), CancellationToken.None);

        Assert.Equal(409, refused.StatusCode);
        Assert.Equal("Provisioning.ChangeInProgress", refused.Body["error"]!.GetValue<string>());
        Assert.Contains("execution shop-web-1", refused.Body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_stepFunctions.Started);
    }

    [Fact]
    public async Task Two_posts_racing_for_one_generation_collide_on_the_execution_name_and_the_second_is_409()
    {
        var first = await _api.ApplyAsync(Request(), CancellationToken.None);
        var second = await _api.ApplyAsync(Request(), CancellationToken.None);

        Assert.Equal((202, 409), (first.StatusCode, second.StatusCode));
        Assert.Single(_stepFunctions.Started);
    }

    [Fact]
    public async Task An_invalid_body_is_400_naming_each_field_and_starts_nothing()
    {
        var request = Request();
        request["network"]!["subnetCidr"] = "192.168.0.0/24";
        request.Remove("provisioningId");

        var missingId = await _api.ApplyAsync(request, CancellationToken.None);
        request["provisioningId"] = "shop-web";
        var badSubnet = await _api.ApplyAsync(request, CancellationToken.None);

        Assert.Equal((400, 400), (missingId.StatusCode, badSubnet.StatusCode));
        Assert.Contains("provisioningId: is required by the API", missingId.Body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(badSubnet.Body["fields"]!.AsArray(), f => f!.GetValue<string>().StartsWith("network.subnetCidr:", StringComparison.Ordinal));
        Assert.Empty(_stepFunctions.Started);
    }

    [Fact]
    public async Task Status_shows_the_record_newest_execution_first_and_an_unknown_id_is_404()
    {
        await BeginAsync("shop-web-1");
        await EndAsync("shop-web-1");
        await BeginAsync("shop-web-2");

        var status = await _api.StatusAsync("shop-web", CancellationToken.None);
        var unknown = await _api.StatusAsync("nobody", CancellationToken.None);

        Assert.Equal((200, 404), (status.StatusCode, unknown.StatusCode));
        Assert.Equal(("shop-web-2", 2L), (status.Body["runningExecution"]!.GetValue<string>(), status.Body["generation"]!.GetValue<long>()));
        Assert.Equal("changing", status.Body["state"]!.GetValue<string>());
        Assert.Equal(["Running", "Succeeded"], status.Body["executions"]!.AsArray().Select(e => e!["outcome"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Status_of_a_provisioning_waiting_for_capacity_shows_its_place_in_the_queue_and_what_it_waits_for()
    {
        var plan = new RequestValidator().Validate(Request(), "shop-web-1").Plan!;
        var ahead = plan with { ProvisioningId = "earlier-team", ExecutionId = "earlier-team@1" };
        var join = new JoinCapacityQueue(_world.Queue, _world.Clock, NullLogger<JoinCapacityQueue>.Instance);
        await join.RunAsync(new JoinCapacityQueueInput(ahead, "token-earlier"), CancellationToken.None);
        _world.Clock.Advance(TimeSpan.FromSeconds(5));
        await BeginAsync("shop-web-1");
        await join.RunAsync(new JoinCapacityQueueInput(plan, "token-shop"), CancellationToken.None);

        var status = await _api.StatusAsync("shop-web", CancellationToken.None);

        var capacity = status.Body["capacity"]!;
        Assert.Equal(("waiting", 2, plan.Cluster.InstanceCount, plan.Cluster.InstanceCount, plan.Cluster.InstanceType, plan.OutpostId),
            (capacity["status"]!.GetValue<string>(), capacity["position"]!.GetValue<int>(), capacity["slotsNeeded"]!.GetValue<int>(),
             capacity["slotsAhead"]!.GetValue<int>(), capacity["instanceType"]!.GetValue<string>(), capacity["outpostId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Delete_starts_the_teardown_machine_with_the_next_generation_and_an_unknown_id_is_404()
    {
        await BeginAsync("shop-web-1");
        await EndAsync("shop-web-1");

        var deleting = await _api.TeardownAsync("shop-web", CancellationToken.None);
        var unknown = await _api.TeardownAsync("nobody", CancellationToken.None);

        Assert.Equal((202, 404), (deleting.StatusCode, unknown.StatusCode));
        var started = Assert.Single(_stepFunctions.Started);
        Assert.Equal((Teardown, "shop-web-2", """{"provisioningId":"shop-web"}"""), (started.StateMachineArn, started.Name, started.Input));
    }

    [Fact]
    public async Task Status_finds_the_resources_in_the_world_and_reports_as_drift_what_the_last_apply_made_that_is_gone()
    {
        await BeginAsync("shop-web-1");
        await EndAsync("shop-web-1");

        var status = await _api.StatusAsync("shop-web", CancellationToken.None);

        Assert.Equal(("applied", "shop-web-1"), (status.Body["state"]!.GetValue<string>(), status.Body["lastAppliedExecution"]!.GetValue<string>()));
        Assert.Empty(status.Body["resources"]!.AsArray());
        Assert.Contains(status.Body["drift"]!.AsArray(), d => d!["resource"]!.GetValue<string>() == "vpc" && d["action"]!.GetValue<string>() == "create");
    }

    [Fact]
    public async Task A_dry_run_answers_the_plan_and_starts_nothing_and_changes_nothing()
    {
        var mutating = await _world.MutatingCallsOf(async () =>
        {
            var plan = await _api.PlanAsync(Request(), CancellationToken.None);

            Assert.Equal(200, plan.StatusCode);
            Assert.All(plan.Body["changes"]!.AsArray(), c => Assert.Equal("create", c!["action"]!.GetValue<string>()));
            Assert.Empty(plan.Body["refused"]!.AsArray());
            Assert.Null(plan.Body["mutatingCalls"]);
        });

        Assert.Equal(0, mutating);
        Assert.Empty(_stepFunctions.Started);
        Assert.Null(await _records.GetAsync("shop-web", CancellationToken.None));
    }

    [Fact]
    public async Task A_dry_run_of_an_invalid_body_is_400_naming_each_field()
    {
        var request = Request();
        request["network"]!["subnetCidr"] = "10.0.0.0/33";

        var plan = await _api.PlanAsync(request, CancellationToken.None);

        Assert.Equal(400, plan.StatusCode);
        Assert.Contains(plan.Body["fields"]!.AsArray(), f => f!.GetValue<string>().StartsWith("network.subnetCidr:", StringComparison.Ordinal));
    }
}
