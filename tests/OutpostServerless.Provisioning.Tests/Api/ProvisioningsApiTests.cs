using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging.Abstractions;
using OutpostServerless.Provisioning.Api;
using OutpostServerless.Provisioning.Records;
using OutpostServerless.Provisioning.Request;
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
        _api = new ProvisioningsApi(_records, _stepFunctions, new RequestValidator(), new ProvisioningsApiOptions(Apply, Teardown), _world.Clock);
    }

    private static JsonObject Request() => SampleRequests.Parse(SampleRequests.WebService);

    private Task<ChangeTicket> BeginAsync(string execution, string id = "shop-web") =>
        new BeginChange(_records, ProvisioningRecordOptions.Default, _world.Clock, NullLogger<BeginChange>.Instance)
            .RunAsync(new BeginChangeInput(execution, ProvisioningId: id), CancellationToken.None);

    private Task<EndChangeResult> EndAsync(string execution, string id = "shop-web") =>
        new EndChange(_records, _world.Clock, NullLogger<EndChange>.Instance)
            .RunAsync(new EndChangeInput(execution, ChangeOutcome.Succeeded, ProvisioningId: id), CancellationToken.None);

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
    public async Task Status_shows_the_record_and_an_unknown_id_is_404()
    {
        await BeginAsync("shop-web-1");
        await EndAsync("shop-web-1");
        await BeginAsync("shop-web-2");

        var status = await _api.StatusAsync("shop-web", CancellationToken.None);
        var unknown = await _api.StatusAsync("nobody", CancellationToken.None);

        Assert.Equal((200, 404), (status.StatusCode, unknown.StatusCode));
        Assert.Equal(("shop-web-2", 2L), (status.Body["runningExecution"]!.GetValue<string>(), status.Body["generation"]!.GetValue<long>()));
        Assert.Equal(["Succeeded", "Running"], status.Body["executions"]!.AsArray().Select(e => e!["outcome"]!.GetValue<string>()));
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
}
