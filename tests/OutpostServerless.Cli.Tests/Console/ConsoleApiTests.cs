using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OutpostServerless.Cli.Tests.Serve;
using OutpostServerless.Cli.Tests.Services;
using OutpostServerless.Emulator.Wire;
using OutpostServerless.Local;
using OutpostServerless.Local.WebConsole;
using OutpostServerless.Local.Workflow;

namespace OutpostServerless.Cli.Tests.Console;

/// <summary>The console's endpoints without a browser: where they are served, and what they refuse.</summary>
public sealed class ConsoleApiTests
{
    [Fact]
    public async Task Emulator_serve_answers_the_console_unsigned_over_the_same_executions_while_AWS_calls_still_need_a_signature()
    {
        var template = ServicesSession.LoadTemplate();
        var (cloud, clock) = LocalWorkflow.NewWorld();
        await using var services = new ProductServices(template, cloud, clock);
        await using var server = await EmulatorServer.StartAsync(cloud, null, services.FrontEnds, CancellationToken.None, new EmulatorConsolePages(services.Console));
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        using var page = await http.GetAsync("/_console/");
        using var script = await http.GetAsync("/_console/assets/console.js");
        using var unsigned = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.0") };
        unsigned.Headers.Add("X-Amz-Target", "AWSStepFunctions.ListStateMachines");
        using var refused = await http.SendAsync(unsigned);
        using var started = await http.PostAsync("/_console/api/executions", JsonContent.Create(new JsonObject { ["name"] = "from-console", ["input"] = ServedApi.Example("web-service.json") }));
        var arn = (await started.Content.ReadFromJsonAsync<JsonObject>())!["executionArn"]!.GetValue<string>();

        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.Contains("<title>OutpostServerless local console</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "text/javascript"), (script.StatusCode, script.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        // One store: what the console started is the Step Functions service's execution.
        Assert.Equal("SUCCEEDED", (await services.StepFunctions.WhenStoppedAsync(arn, CancellationToken.None)).Status);
        using var shown = await http.GetAsync("/_console/api/execution?arn=" + Uri.EscapeDataString(arn));
        Assert.Equal("SUCCEEDED", (await shown.Content.ReadFromJsonAsync<JsonObject>())!["execution"]!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET", "/_console/api/executions?status=DONE", null, 400, "status: 'DONE' is not an execution status. Fix:")]
    [InlineData("POST", "/_console/api/executions", """{"input": 3}""", 400, "input: missing or not a JSON object. Fix:")]
    [InlineData("POST", "/_console/api/executions", "not json", 400, "body: not a JSON object. Fix:")]
    [InlineData("POST", "/_console/api/teardowns", "{}", 400, "provisioningId: missing. Fix:")]
    [InlineData("GET", "/_console/api/execution", null, 400, "arn: missing. Fix:")]
    [InlineData("GET", "/_console/api/execution?arn=arn:aws:states:us-west-2:123456789012:execution:outpost-serverless-provision:nope", null, 404, "Execution Does Not Exist")]
    [InlineData("GET", "/_console/nothing-here", null, 404, "path: /_console/nothing-here is not a console page or API. Fix:")]
    public async Task Bad_console_requests_are_refused_naming_the_field_and_the_fix(string method, string path, string? body, int status, string message)
    {
        await using var api = await ServedApi.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await api.Client.SendAsync(request);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.StartsWith(message, answer!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(api.StepFunctions.Executions);
    }
}
