using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine.History;

/// <summary>A details member of a history event: its AWS name (e.g. <c>taskFailedEventDetails</c>) and body.</summary>
internal readonly record struct EventDetail(string Name, JsonObject Body)
{
    public static EventDetail StateEntered(string state, JsonNode? input) =>
        new("stateEnteredEventDetails", new JsonObject { ["name"] = state, ["input"] = JsonText.Serialize(input), ["inputDetails"] = NotTruncated() });

    public static EventDetail StateExited(string state, JsonNode? output) =>
        new("stateExitedEventDetails", new JsonObject { ["name"] = state, ["output"] = JsonText.Serialize(output), ["outputDetails"] = NotTruncated() });

    public static EventDetail ExecutionStarted(JsonNode? input, string roleArn) =>
        new("executionStartedEventDetails", new JsonObject { ["input"] = JsonText.Serialize(input), ["inputDetails"] = NotTruncated(), ["roleArn"] = roleArn });

    public static EventDetail ExecutionSucceeded(JsonNode? output) =>
        new("executionSucceededEventDetails", new JsonObject { ["output"] = JsonText.Serialize(output), ["outputDetails"] = NotTruncated() });

    public static EventDetail ExecutionFailed(string error, string? cause) => Failure("executionFailedEventDetails", error, cause);

    public static EventDetail ExecutionTimedOut(string error, string? cause) => Failure("executionTimedOutEventDetails", error, cause);

    /// <summary>StopExecution's optional error and cause; an engine-side stop has neither.</summary>
    public static EventDetail ExecutionAborted() => new("executionAbortedEventDetails", new JsonObject());

    public static EventDetail TaskScheduled(string resourceType, string resource, string region, JsonNode? parameters, int? timeoutSeconds, int? heartbeatSeconds)
    {
        var body = new JsonObject
        {
            ["resourceType"] = resourceType,
            ["resource"] = resource,
            ["region"] = region,
            ["parameters"] = JsonText.Serialize(parameters),
        };
        if (timeoutSeconds is { } timeout)
        {
            body["timeoutInSeconds"] = timeout;
        }

        if (heartbeatSeconds is { } heartbeat)
        {
            body["heartbeatInSeconds"] = heartbeat;
        }

        return new("taskScheduledEventDetails", body);
    }

    public static EventDetail TaskStarted(string resourceType, string resource) =>
        new("taskStartedEventDetails", new JsonObject { ["resourceType"] = resourceType, ["resource"] = resource });

    public static EventDetail TaskSucceeded(string resourceType, string resource, JsonNode? output) =>
        new("taskSucceededEventDetails", new JsonObject
        {
            ["resourceType"] = resourceType,
            ["resource"] = resource,
            ["output"] = JsonText.Serialize(output),
            ["outputDetails"] = NotTruncated(),
        });

    public static EventDetail TaskFailed(string resourceType, string resource, string error, string? cause) =>
        WithResource(Failure("taskFailedEventDetails", error, cause), resourceType, resource);

    public static EventDetail TaskTimedOut(string resourceType, string resource, string error, string? cause) =>
        WithResource(Failure("taskTimedOutEventDetails", error, cause), resourceType, resource);

    public static EventDetail LambdaFunctionScheduled(string resource, JsonNode? input, int? timeoutSeconds)
    {
        var body = new JsonObject { ["resource"] = resource, ["input"] = JsonText.Serialize(input), ["inputDetails"] = NotTruncated() };
        if (timeoutSeconds is { } timeout)
        {
            body["timeoutInSeconds"] = timeout;
        }

        return new("lambdaFunctionScheduledEventDetails", body);
    }

    public static EventDetail LambdaFunctionSucceeded(JsonNode? output) =>
        new("lambdaFunctionSucceededEventDetails", new JsonObject { ["output"] = JsonText.Serialize(output), ["outputDetails"] = NotTruncated() });

    public static EventDetail LambdaFunctionFailed(string error, string? cause) => Failure("lambdaFunctionFailedEventDetails", error, cause);

    public static EventDetail LambdaFunctionTimedOut(string error, string? cause) => Failure("lambdaFunctionTimedOutEventDetails", error, cause);

    public static EventDetail MapStateStarted(int length) => new("mapStateStartedEventDetails", new JsonObject { ["length"] = length });

    public static EventDetail MapIteration(string detailsName, string mapState, int index) =>
        new(detailsName, new JsonObject { ["name"] = mapState, ["index"] = index });

    private static EventDetail Failure(string name, string error, string? cause)
    {
        // A Fail state without Error has no error name; AWS then leaves the field out.
        var body = new JsonObject();
        if (error.Length > 0)
        {
            body["error"] = error;
        }

        if (cause is not null)
        {
            body["cause"] = cause;
        }

        return new(name, body);
    }

    private static EventDetail WithResource(EventDetail detail, string resourceType, string resource)
    {
        detail.Body["resourceType"] = resourceType;
        detail.Body["resource"] = resource;
        return detail;
    }

    private static JsonObject NotTruncated() => new() { ["truncated"] = false };
}
