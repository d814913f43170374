using System.Text;
using System.Text.Json.Nodes;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Cli.Tests.Serve;

/// <summary><c>serve</c>: the template's API routes answering as the deployed API does.</summary>
public sealed class LocalApiServerTests
{
    [Fact]
    public async Task A_good_request_starts_an_execution_named_after_its_provisioningId()
    {
        await using var api = await ServedApi.StartAsync();

        var (status, body) = await api.PostAsync(ServedApi.Example("batch-task.json"));

        Assert.Equal(200, status);
        Assert.Equal("arn:aws:states:us-west-2:123456789012:execution:outpost-serverless-provision:nightly-reconcile", body["executionArn"]!.GetValue<string>());
        Assert.NotNull(body["startDate"]);
    }

    [Fact]
    public async Task Describing_a_started_provisioning_shows_its_status_and_output()
    {
        await using var api = await ServedApi.StartAsync();
        var (_, started) = await api.PostAsync(ServedApi.Example("batch-task.json"));
        await api.StepFunctions.WhenStoppedAsync(started["executionArn"]!.GetValue<string>(), CancellationToken.None);

        var (status, described) = await api.GetAsync("provisionings/nightly-reconcile");

        Assert.Equal(200, status);
        Assert.Equal("SUCCEEDED", described["status"]!.GetValue<string>());
        var output = JsonNode.Parse(described["output"]!.GetValue<string>())!;
        Assert.Single(output["resources"]!["workload"]!["taskArns"]!.AsArray());
        Assert.Equal("nightly-reconcile", JsonNode.Parse(described["input"]!.GetValue<string>())!["provisioningId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_running_provisioning_is_described_as_RUNNING()
    {
        await using var api = await ServedApi.StartAsync();
        using (api.StepFunctions.Clock.Hold())
        {
            await api.PostAsync(ServedApi.Example("batch-task.json"));

            var (_, described) = await api.GetAsync("provisionings/nightly-reconcile");

            Assert.Equal("RUNNING", described["status"]!.GetValue<string>());
            Assert.Null(described["output"]);
        }
    }

    [Fact]
    public async Task A_body_missing_a_required_field_is_refused_with_400_naming_it_and_nothing_starts()
    {
        await using var api = await ServedApi.StartAsync();
        var request = ServedApi.Example("batch-task.json");
        request.Remove("cluster");

        var (status, body) = await api.PostAsync(request);

        Assert.Equal(400, status);
        Assert.Equal("Invalid request body", body["message"]!.GetValue<string>());
        Assert.Contains("cluster: is required", body["validationErrors"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(api.StepFunctions.Executions);
    }

    [Fact]
    public async Task A_field_of_the_wrong_form_is_named_in_the_400()
    {
        await using var api = await ServedApi.StartAsync();
        var request = ServedApi.Example("batch-task.json");
        request["cluster"]!["instanceCount"] = 0;

        var (status, body) = await api.PostAsync(request);

        Assert.Equal(400, status);
        Assert.Contains("cluster.instanceCount", body["validationErrors"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_refused_with_400()
    {
        await using var api = await ServedApi.StartAsync();

        var (status, body) = await ServedApi.ReadAsync(await api.Client.PostAsync("provisionings", new StringContent("{not json", Encoding.UTF8, "application/json")));

        Assert.Equal((400, "Invalid request body"), (status, body["message"]!.GetValue<string>()));
        Assert.Empty(api.StepFunctions.Executions);
    }

    [Fact]
    public async Task A_body_of_another_content_type_is_refused_with_415()
    {
        await using var api = await ServedApi.StartAsync();

        var (status, _) = await ServedApi.ReadAsync(await api.Client.PostAsync("provisionings", new StringContent("a=b", Encoding.UTF8, "application/x-www-form-urlencoded")));

        Assert.Equal(415, status);
    }

    [Fact]
    public async Task An_unknown_route_answers_Missing_Authentication_Token()
    {
        await using var api = await ServedApi.StartAsync();

        var (status, body) = await api.GetAsync("provisionings");

        Assert.Equal((403, "Missing Authentication Token"), (status, body["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Describing_an_unknown_provisioning_is_ExecutionDoesNotExist()
    {
        await using var api = await ServedApi.StartAsync();

        var (status, body) = await api.GetAsync("provisionings/never-started");

        Assert.Equal(400, status);
        Assert.EndsWith("#ExecutionDoesNotExist", body["__type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_a_finished_provisioning_again_is_ExecutionAlreadyExists()
    {
        await using var api = await ServedApi.StartAsync();
        var (_, started) = await api.PostAsync(ServedApi.Example("batch-task.json"));
        await api.StepFunctions.WhenStoppedAsync(started["executionArn"]!.GetValue<string>(), CancellationToken.None);

        var (status, body) = await api.PostAsync(ServedApi.Example("batch-task.json"));

        Assert.Equal(400, status);
        Assert.EndsWith("#ExecutionAlreadyExists", body["__type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provisionings_started_through_the_API_share_one_emulated_world()
    {
        await using var api = await ServedApi.StartAsync();
        var (_, batch) = await api.PostAsync(ServedApi.Example("batch-task.json"));
        var (_, web) = await api.PostAsync(ServedApi.Example("web-service.json"));
        await api.StepFunctions.WhenStoppedAsync(batch["executionArn"]!.GetValue<string>(), CancellationToken.None);
        await api.StepFunctions.WhenStoppedAsync(web["executionArn"]!.GetValue<string>(), CancellationToken.None);

        var cloud = api.StepFunctions.Cloud;

        Assert.NotEmpty(cloud.ResourcesTagged(ProvisioningTags.ProvisioningIdKey, "nightly-reconcile"));
        Assert.NotEmpty(cloud.ResourcesTagged(ProvisioningTags.ProvisioningIdKey, "storefront-web"));
    }
}
