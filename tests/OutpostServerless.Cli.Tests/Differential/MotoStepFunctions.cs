using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace OutpostServerless.Cli.Tests.Differential;

/// <summary>The four Step Functions API calls the differential suite makes to moto, as awsJson1_0 over plain HTTP.</summary>
internal sealed class MotoStepFunctions(HttpClient http, Uri endpoint)
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/DifferentialTest";

    /// <summary>
    /// Runs one execution to its end: a fresh state machine per execution, deleted afterwards. moto 5.2.1
    /// deep-copies the whole backend on StartExecution and fails once it holds an execution's thread locks,
    /// so executions must run one at a time on a backend that keeps none.
    /// </summary>
    public async Task<EngineOutcome> RunAsync(string definition, JsonNode? input, CancellationToken cancellationToken)
    {
        var name = "differential-" + Guid.NewGuid().ToString("N")[..12];
        var created = await CallAsync("CreateStateMachine", new JsonObject { ["name"] = name, ["roleArn"] = RoleArn, ["definition"] = definition }, cancellationToken);
        var stateMachineArn = created["stateMachineArn"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"moto refused the definition: {created.ToJsonString()}");
        try
        {
            var started = await CallAsync(
                "StartExecution",
                new JsonObject { ["stateMachineArn"] = stateMachineArn, ["name"] = "run", ["input"] = input?.ToJsonString() ?? "null" },
                cancellationToken);
            var executionArn = started["executionArn"]!.GetValue<string>();
            while (true)
            {
                var described = await CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = executionArn }, cancellationToken);
                var status = described["status"]!.GetValue<string>();
                if (status != "RUNNING")
                {
                    return new EngineOutcome(
                        status,
                        described["output"]?.GetValue<string>(),
                        described["error"]?.GetValue<string>(),
                        described["cause"]?.GetValue<string>());
                }

                await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
            }
        }
        finally
        {
            await CallAsync("DeleteStateMachine", new JsonObject { ["stateMachineArn"] = stateMachineArn }, cancellationToken);
        }
    }

    private async Task<JsonObject> CallAsync(string operation, JsonObject body, CancellationToken cancellationToken)
    {
        var text = body.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(text, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        AwsJsonSigner.Sign(request, text, $"AWSStepFunctions.{operation}", DateTimeOffset.UtcNow);
        using var response = await http.SendAsync(request, cancellationToken);
        var reply = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(reply.Length == 0 ? "{}" : reply)!.AsObject()
            : throw new InvalidOperationException($"moto {operation} answered {(int)response.StatusCode}: {reply}");
    }
}
