using System.Text;
using OutpostServerless.Provisioning.Tagging;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Tests.Serve;

/// <summary><c>serve</c>: the template's API routes answering as the deployed API does, through its own function.</summary>
public sealed class LocalApiServerTests
{
    [Fact]
    public async Task A_post_of_a_new_provisioning_starts_its_generation_one()
    {
        await using var api = await ServedApi.StartAsync();

        var (status, body) = await api.PostAsync(ServedApi.Example("batch-task.json"));

        Assert.Equal(202, status);
        Assert.Equal(("nightly-reconcile-1", 1), (body["executionName"]!.GetValue<string>(), body["generation"]!.GetValue<int>()));
        Assert.Equal("arn:aws:states:us-west-2:123456789012:execution:outpost-serverless-provision:nightly-reconcile-1", body["executionArn"]!.GetValue<string>());
    }

    [Fact]
    public async Task Status_after_the_apply_shows_what_exists_in_the_world_and_no_drift()
    {
        await using var api = await ServedApi.StartAsync();
        var (_, started) = await api.PostAsync(ServedApi.Example("batch-task.json"));
        Assert.Equal("SUCCEEDED", (await api.StoppedAsync(started)).Status);

        var (status, described) = await api.GetAsync("provisionings/nightly-reconcile");

        Assert.Equal(200, status);
        Assert.Equal(("applied", "nightly-reconcile-1"), (described["state"]!.GetValue<string>(), described["lastAppliedExecution"]!.GetValue<string>()));
        Assert.Contains(described["resources"]!.AsArray(), r => r!["type"]!.GetValue<string>() == "ecs:cluster");
        Assert.Empty(described["drift"]!.AsArray());
    }

    [Fact]
    public async Task A_re_post_after_the_change_ended_is_an_update_under_the_next_generation()
    {
        await using var api = await ServedApi.StartAsync();
        var (_, first) = await api.PostAsync(ServedApi.Example("batch-task.json"));
        await api.StoppedAsync(first);

        var (status, second) = await api.PostAsync(ServedApi.Example("batch-task.json"));

        Assert.Equal((202, "nightly-reconcile-2"), (status, second["executionName"]!.GetValue<string>()));
        Assert.Equal("SUCCEEDED", (await api.StoppedAsync(second)).Status);
    }

    [Fact]
    public async Task A_post_while_a_change_runs_is_409_naming_the_running_execution_and_starts_nothing()
    {
        await using var api = await ServedApi.StartAsync();
        using (((VirtualClock)api.StepFunctions.Clock).Hold())
        {
            await api.PostAsync(ServedApi.Example("web-service.json"));
            await WaitForStateAsync(api, "provisionings/storefront-web", "changing");

            var (status, body) = await api.PostAsync(ServedApi.Example("web-service.json"));

            Assert.Equal(409, status);
            Assert.Equal("Provisioning.ChangeInProgress", body["error"]!.GetValue<string>());
            Assert.Contains("execution storefront-web-1", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Single(api.StepFunctions.Executions);
        }
    }

    [Fact]
    public async Task A_dry_run_answers_the_plan_and_starts_nothing()
    {
        await using var api = await ServedApi.StartAsync();

        var (status, plan) = await api.PostAsync(ServedApi.Example("web-service.json"), "provisionings?dryRun=true");

        Assert.Equal(200, status);
        Assert.Contains(plan["changes"]!.AsArray(), c => c!["resource"]!.GetValue<string>() == "service" && c["action"]!.GetValue<string>() == "create");
        Assert.Empty(plan["refused"]!.AsArray());
        Assert.Empty(api.StepFunctions.Executions);
    }

    [Fact]
    public async Task Delete_tears_the_provisioning_down_and_status_then_says_torn_down()
    {
        await using var api = await ServedApi.StartAsync();
        var (_, applied) = await api.PostAsync(ServedApi.Example("batch-task.json"));
        await api.StoppedAsync(applied);

        var (status, deleting) = await api.DeleteAsync("provisionings/nightly-reconcile");
        var stopped = await api.StoppedAsync(deleting);

        Assert.Equal((202, "nightly-reconcile-2"), (status, deleting["executionName"]!.GetValue<string>()));
        Assert.Equal(("SUCCEEDED", "arn:aws:states:us-west-2:123456789012:stateMachine:outpost-serverless-teardown"), (stopped.Status, stopped.StateMachineArn));
        var (_, described) = await api.GetAsync("provisionings/nightly-reconcile");
        Assert.Equal("torn-down", described["state"]!.GetValue<string>());
        Assert.Empty(api.StepFunctions.Cloud.ResourcesTagged(ProvisioningTags.ProvisioningIdKey, "nightly-reconcile"));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task An_unknown_provisioning_is_404_naming_it(string method)
    {
        await using var api = await ServedApi.StartAsync();

        var (status, body) = await ServedApi.ReadAsync(await api.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "provisionings/never-started")));

        Assert.Equal((404, "Provisioning.NotFound"), (status, body["error"]!.GetValue<string>()));
        Assert.StartsWith("provisioningId: never-started is not a provisioning of this stack", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(api.StepFunctions.Executions);
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
    public async Task An_escalation_to_AdministratorAccess_through_the_API_is_refused_by_field_and_starts_nothing()
    {
        await using var api = await ServedApi.StartAsync();
        var request = ServedApi.Example("web-service.json");
        request["iam"]!["managedPolicyArns"]!.AsArray().Add("arn:aws:iam::aws:policy/AdministratorAccess");

        var (status, body) = await api.PostAsync(request);

        Assert.Equal((400, "Provisioning.InvalidRequest"), (status, body["error"]!.GetValue<string>()));
        Assert.Contains(body["fields"]!.AsArray(), f => f!.GetValue<string>().StartsWith(
            "iam.managedPolicyArns[1]: \"arn:aws:iam::aws:policy/AdministratorAccess\" is not one of the managed policies this stack allows", StringComparison.Ordinal));
        Assert.Empty(api.StepFunctions.Executions);
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
    public async Task A_body_of_another_content_type_passes_the_model_and_the_function_refuses_it_as_not_JSON()
    {
        await using var api = await ServedApi.StartAsync();

        var (status, body) = await ServedApi.ReadAsync(await api.Client.PostAsync("provisionings", new StringContent("a=b", Encoding.UTF8, "application/x-www-form-urlencoded")));

        Assert.Equal((400, "Provisioning.InvalidRequest"), (status, body["error"]!.GetValue<string>()));
        Assert.Empty(api.StepFunctions.Executions);
    }

    [Fact]
    public async Task An_unknown_route_answers_Missing_Authentication_Token()
    {
        await using var api = await ServedApi.StartAsync();

        var (status, body) = await api.GetAsync("provisionings");

        Assert.Equal((403, "Missing Authentication Token"), (status, body["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Provisionings_started_through_the_API_share_one_emulated_world()
    {
        await using var api = await ServedApi.StartAsync();
        var (_, batch) = await api.PostAsync(ServedApi.Example("batch-task.json"));
        var (_, web) = await api.PostAsync(ServedApi.Example("web-service.json"));
        await api.StoppedAsync(batch);
        await api.StoppedAsync(web);

        var cloud = api.StepFunctions.Cloud;

        Assert.NotEmpty(cloud.ResourcesTagged(ProvisioningTags.ProvisioningIdKey, "nightly-reconcile"));
        Assert.NotEmpty(cloud.ResourcesTagged(ProvisioningTags.ProvisioningIdKey, "storefront-web"));
    }

    private static async Task WaitForStateAsync(ServedApi api, string path, string state)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await api.GetAsync(path)).Body["state"]?.GetValue<string>() != state)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
