using System.Text.Json.Nodes;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.Workflow;

/// <summary>
/// The function a Task invokes and the event it gets: a Lambda function ARN as Resource takes the Task's
/// input as the event; the Lambda service integration (<c>arn:aws:states:::lambda:invoke</c>, also
/// <c>.waitForTaskToken</c>) names it in its <c>FunctionName</c> parameter and passes its <c>Payload</c>
/// (AWS "Invoke an AWS Lambda function with Step Functions").
/// </summary>
public sealed record LambdaInvokeTarget(string FunctionArn, JsonNode? Payload)
{
    private const string InvokeIntegration = "arn:aws:states:::lambda:invoke";

    public static LambdaInvokeTarget Of(TaskInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var resource = invocation.Resource;
        var integration = resource.StartsWith(InvokeIntegration, StringComparison.Ordinal)
            && (resource.Length == InvokeIntegration.Length || resource[InvokeIntegration.Length] == '.');
        if (!integration)
        {
            return new(resource, invocation.Input);
        }

        var parameters = invocation.Input as JsonObject;
        var name = parameters?["FunctionName"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;
        return new(name, parameters?[nameof(Payload)]);
    }
}
