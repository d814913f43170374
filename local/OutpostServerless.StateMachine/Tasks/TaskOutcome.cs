using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine;

/// <summary>What a task attempt produced: <see cref="Succeeded"/> with an output, or <see cref="Failed"/> with an error name and cause.</summary>
public abstract record TaskOutcome
{
    private protected TaskOutcome()
    {
    }

    public static TaskOutcome Success(JsonNode? output) => new Succeeded(output);

    /// <summary>
    /// The state's task result itself, used as is: no Lambda Invoke wrapping, and a <c>.waitForTaskToken</c>
    /// task ends with it at once instead of waiting for a callback. This is what a MockConfigFile
    /// <c>Return</c> means (AWS Step Functions Local).
    /// </summary>
    public static TaskOutcome FinalResult(JsonNode? result) => new Succeeded(result) { IsFinal = true };

    public static TaskOutcome Failure(string error, string? cause) => new Failed(error, cause);

    /// <summary>
    /// A Lambda function error, surfaced as AWS does: the error name is the function's errorType and the
    /// cause is the error payload as JSON text, <c>{"errorMessage":…,"errorType":…}</c>.
    /// </summary>
    public static TaskOutcome FunctionError(string errorType, string errorMessage, IReadOnlyList<string>? stackTrace = null)
    {
        var payload = new JsonObject { ["errorMessage"] = errorMessage, ["errorType"] = errorType };
        if (stackTrace is not null)
        {
            payload["stackTrace"] = new JsonArray(stackTrace.Select(line => (JsonNode?)JsonValue.Create(line)).ToArray());
        }

        return new Failed(errorType, JsonText.Serialize(payload));
    }

    public sealed record Succeeded(JsonNode? Output) : TaskOutcome
    {
        /// <summary>See <see cref="FinalResult"/>.</summary>
        public bool IsFinal { get; init; }
    }

    public sealed record Failed(string Error, string? Cause) : TaskOutcome;
}
