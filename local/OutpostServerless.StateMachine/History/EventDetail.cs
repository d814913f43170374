using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine.History;

/// <summary>
/// A details member of a history event: its AWS name (e.g. <c>taskFailedEventDetails</c>) and fields. The
/// JSON body — inputs and outputs as JSON text — is built only when someone reads it: most runs never look
/// at most events, and serializing every state's data dominated the engine's cost. The nodes referenced
/// here are never changed after they are recorded (the engine copies before it writes), so serializing
/// later gives the text the event would have had.
/// </summary>
internal sealed class EventDetail
{
    private static readonly object NotTruncated = new();

    private readonly (string Key, object? Value)[] _fields;

    private EventDetail(string name, params (string Key, object? Value)[] fields)
    {
        Name = name;
        _fields = fields;
    }

    public string Name { get; }

    /// <summary>The value of a plain string field (name, error), without building the body.</summary>
    public string? Text(string key)
    {
        foreach (var (k, v) in _fields)
        {
            if (k == key)
            {
                return v as string;
            }
        }

        return null;
    }

    public JsonObject Build()
    {
        var body = new JsonObject();
        foreach (var (key, value) in _fields)
        {
            body[key] = value switch
            {
                null => null,
                string text => text,
                int number => number,
                long number => number,
                DataText data => data.Text,
                VariablesText variables => variables.Build(),
                _ when ReferenceEquals(value, NotTruncated) => new JsonObject { ["truncated"] = false },
                _ => throw new InvalidOperationException($"Unexpected detail field {key}"),
            };
        }

        return body;
    }

    public static EventDetail StateEntered(string state, JsonNode? input) =>
        new("stateEnteredEventDetails", ("name", state), ("input", new DataText(input)), ("inputDetails", NotTruncated));

    public static EventDetail StateExited(string state, JsonNode? output) =>
        new("stateExitedEventDetails", ("name", state), ("output", new DataText(output)), ("outputDetails", NotTruncated));

    /// <summary>A state's exit with the variables it assigned, each shown as its JSON text (AWS <c>assignedVariables</c>).</summary>
    public static EventDetail StateExited(string state, JsonNode? output, IReadOnlyList<KeyValuePair<string, JsonNode?>>? assigned) =>
        assigned is null
            ? StateExited(state, output)
            : new("stateExitedEventDetails", ("name", state), ("output", new DataText(output)), ("outputDetails", NotTruncated),
                ("assignedVariables", new VariablesText(assigned)), ("assignedVariablesDetails", NotTruncated));

    /// <summary>A JSONata expression failed in <paramref name="state"/>, in the field at <paramref name="location"/> (e.g. <c>Output/v</c>).</summary>
    public static EventDetail EvaluationFailed(string error, string cause, string location, string state) =>
        new("evaluationFailedEventDetails", ("error", error), ("cause", cause), ("location", location), ("state", state));

    public static EventDetail ExecutionStarted(JsonNode? input, string roleArn) =>
        new("executionStartedEventDetails", ("input", new DataText(input)), ("inputDetails", NotTruncated), ("roleArn", roleArn));

    public static EventDetail ExecutionSucceeded(JsonNode? output) =>
        new("executionSucceededEventDetails", ("output", new DataText(output)), ("outputDetails", NotTruncated));

    public static EventDetail ExecutionFailed(string error, string? cause) => Failure("executionFailedEventDetails", error, cause);

    public static EventDetail ExecutionTimedOut(string error, string? cause) => Failure("executionTimedOutEventDetails", error, cause);

    /// <summary>StopExecution's optional error and cause; an engine-side stop has neither.</summary>
    public static EventDetail ExecutionAborted() => new("executionAbortedEventDetails");

    public static EventDetail TaskScheduled(string resourceType, string resource, string region, JsonNode? parameters, int? timeoutSeconds, int? heartbeatSeconds)
    {
        var fields = new List<(string, object?)>
        {
            ("resourceType", resourceType), ("resource", resource), ("region", region), ("parameters", new DataText(parameters)),
        };
        if (timeoutSeconds is { } timeout)
        {
            fields.Add(("timeoutInSeconds", timeout));
        }

        if (heartbeatSeconds is { } heartbeat)
        {
            fields.Add(("heartbeatInSeconds", heartbeat));
        }

        return new("taskScheduledEventDetails", [.. fields]);
    }

    public static EventDetail TaskStarted(string resourceType, string resource) =>
        new("taskStartedEventDetails", ("resourceType", resourceType), ("resource", resource));

    /// <summary>A <c>.waitForTaskToken</c> task's service call returned; the task now waits for its callback.</summary>
    public static EventDetail TaskSubmitted(string resourceType, string resource, JsonNode? output) =>
        new("taskSubmittedEventDetails", ("resourceType", resourceType), ("resource", resource), ("output", new DataText(output)), ("outputDetails", NotTruncated));

    public static EventDetail TaskSucceeded(string resourceType, string resource, JsonNode? output) =>
        new("taskSucceededEventDetails", ("resourceType", resourceType), ("resource", resource), ("output", new DataText(output)), ("outputDetails", NotTruncated));

    public static EventDetail TaskFailed(string resourceType, string resource, string error, string? cause) =>
        Failure("taskFailedEventDetails", error, cause, ("resourceType", resourceType), ("resource", resource));

    public static EventDetail TaskTimedOut(string resourceType, string resource, string error, string? cause) =>
        Failure("taskTimedOutEventDetails", error, cause, ("resourceType", resourceType), ("resource", resource));

    public static EventDetail LambdaFunctionScheduled(string resource, JsonNode? input, int? timeoutSeconds) =>
        timeoutSeconds is { } timeout
            ? new("lambdaFunctionScheduledEventDetails", ("resource", resource), ("input", new DataText(input)), ("inputDetails", NotTruncated), ("timeoutInSeconds", timeout))
            : new("lambdaFunctionScheduledEventDetails", ("resource", resource), ("input", new DataText(input)), ("inputDetails", NotTruncated));

    public static EventDetail LambdaFunctionSucceeded(JsonNode? output) =>
        new("lambdaFunctionSucceededEventDetails", ("output", new DataText(output)), ("outputDetails", NotTruncated));

    public static EventDetail LambdaFunctionFailed(string error, string? cause) => Failure("lambdaFunctionFailedEventDetails", error, cause);

    public static EventDetail LambdaFunctionTimedOut(string error, string? cause) => Failure("lambdaFunctionTimedOutEventDetails", error, cause);

    public static EventDetail MapStateStarted(int length) => new("mapStateStartedEventDetails", ("length", length));

    public static EventDetail MapIteration(string detailsName, string mapState, int index) =>
        new(detailsName, ("name", mapState), ("index", index));

    private static EventDetail Failure(string name, string error, string? cause, params (string Key, object? Value)[] extra)
    {
        // A Fail state without Error has no error name; AWS then leaves the field out.
        var fields = new List<(string, object?)>(extra.Length + 2);
        if (error.Length > 0)
        {
            fields.Add(("error", error));
        }

        if (cause is not null)
        {
            fields.Add(("cause", cause));
        }

        fields.AddRange(extra);
        return new(name, [.. fields]);
    }

    /// <summary>Assigned variables: an object of name to the value's JSON text.</summary>
    private sealed class VariablesText(IReadOnlyList<KeyValuePair<string, JsonNode?>> assigned)
    {
        public JsonObject Build()
        {
            var body = new JsonObject();
            foreach (var (name, value) in assigned)
            {
                body[name] = JsonText.Serialize(value);
            }

            return body;
        }
    }

    /// <summary>State data that the event shows as JSON text.</summary>
    private sealed class DataText(JsonNode? node)
    {
        public string Text => JsonText.Serialize(node);
    }
}
