using System.Text;
using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Tests.Wire;
using static OutpostServerless.Emulator.Tests.Wire.CliJson;

namespace OutpostServerless.Cli.Tests.Services;

/// <summary>
/// Lambda Invoke of the template's functions on <c>emulator serve</c>'s endpoint (restJson1), driven by the AWS CLI
/// v1 and v2; every request validates against botocore's <c>lambda</c> model.
/// </summary>
public sealed class AwsCliLambdaTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("outpost-serverless-invoke-").FullName;

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task Invoking_ValidateRequest_returns_the_plan_and_the_log_tail(AwsCliVersion version)
    {
        await using var session = await ServicesSession.StartAsync(version);
        var request = JsonNode.Parse(File.ReadAllText(RepositoryFiles.Example("web-service.json")))!;
        var payload = Write("valid.json", new JsonObject { ["request"] = request.DeepClone(), ["executionName"] = "invoke-1" });

        var answer = await session.Aws.JsonAsync("lambda", "invoke", "--function-name", "ValidateRequestFunction", "--payload", "fileb://" + payload, "--log-type", "Tail", Path.Combine(directory, "plan.json"));
        var plan = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "plan.json")))!;
        var log = Encoding.UTF8.GetString(Convert.FromBase64String(Text(answer["LogResult"])));

        Assert.Equal(200, answer["StatusCode"]!.GetValue<int>());
        Assert.Null(answer["FunctionError"]);
        Assert.Equal("$LATEST", Text(answer["ExecutedVersion"]));
        Assert.Equal(request["provisioningId"]!.GetValue<string>(), plan["provisioningId"]!.GetValue<string>());
        Assert.Equal(request["outpostArn"]!.GetValue<string>(), plan["outpostArn"]!.GetValue<string>());
        Assert.StartsWith("START RequestId: ", log, StringComparison.Ordinal);
        Assert.Contains("\"function_name\":\"ValidateRequestFunction\"", log, StringComparison.Ordinal);
        Assert.Contains("\nREPORT RequestId: ", log, StringComparison.Ordinal);
        Assert.Empty(session.ModelViolations());
    }

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task A_bad_request_is_an_Unhandled_function_error_named_by_the_step(AwsCliVersion version)
    {
        await using var session = await ServicesSession.StartAsync(version);
        var payload = Write("invalid.json", new JsonObject { ["request"] = new JsonObject { ["provisioningId"] = "Not Valid!" }, ["executionName"] = "invoke-2" });

        var answer = await session.Aws.JsonAsync("lambda", "invoke", "--function-name", session.Template.Functions["ValidateRequestFunction"].Arn, "--payload", "fileb://" + payload, Path.Combine(directory, "error.json"));
        var error = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "error.json")))!;

        Assert.Equal((200, "Unhandled"), (answer["StatusCode"]!.GetValue<int>(), Text(answer["FunctionError"])));
        Assert.Equal("Provisioning.InvalidRequest", Text(error["errorType"]));
        Assert.False(string.IsNullOrEmpty(Text(error["errorMessage"])));
        Assert.Empty(session.ModelViolations());
    }

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task Event_and_DryRun_invocations_answer_202_and_204_and_an_unknown_function_is_ResourceNotFoundException(AwsCliVersion version)
    {
        await using var session = await ServicesSession.StartAsync(version);
        var payload = Write("event.json", new JsonObject { ["request"] = new JsonObject(), ["executionName"] = "invoke-3" });

        var queued = await session.Aws.JsonAsync("lambda", "invoke", "--function-name", "ValidateRequestFunction", "--invocation-type", "Event", "--payload", "fileb://" + payload, Path.Combine(directory, "event-out.json"));
        var dryRun = await session.Aws.JsonAsync("lambda", "invoke", "--function-name", "ValidateRequestFunction:7", "--invocation-type", "DryRun", Path.Combine(directory, "dry-out.json"));
        var missing = await session.Aws.RunAsync("lambda", "invoke", "--function-name", "NoSuchFunction", Path.Combine(directory, "missing-out.json"));

        Assert.Equal(202, queued["StatusCode"]!.GetValue<int>());
        Assert.Equal(204, dryRun["StatusCode"]!.GetValue<int>());
        Assert.Contains("(ResourceNotFoundException) when calling the Invoke operation", missing.Error, StringComparison.Ordinal);
        Assert.Contains("Function not found: arn:aws:lambda:us-west-2:123456789012:function:NoSuchFunction", missing.Error, StringComparison.Ordinal);
        Assert.Empty(session.ModelViolations());
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string name, JsonNode content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content.ToJsonString());
        return path;
    }
}
