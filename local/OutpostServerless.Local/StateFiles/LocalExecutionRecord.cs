using System.Text.Json.Nodes;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.StateFiles;

/// <summary>
/// One execution a local command ran, kept as Step Functions keeps an execution (name, input, status, dates):
/// the last SUCCEEDED provision execution's input is the provisioning's last applied request.
/// </summary>
public sealed record LocalExecutionRecord
{
    // The members of an event's details that carry a state's data rather than what happened.
    private static readonly string[] DataMembers = ["input", "inputDetails", "output", "outputDetails", "parameters", "result", "resultDetails"];

    public required string Name { get; init; }
    /// <summary>The template's logical id of the state machine, e.g. ProvisionStateMachine.</summary>
    public required string StateMachine { get; init; }
    public required string ProvisioningId { get; init; }
    public required string Status { get; init; }
    public string? Error { get; init; }
    public string? Cause { get; init; }
    public required DateTimeOffset StartDate { get; init; }
    public required DateTimeOffset StopDate { get; init; }
    public required int MutatingCalls { get; init; }
    public JsonNode? Input { get; init; }

    /// <summary>
    /// Its history as GetExecutionHistory entries, without the states' inputs and outputs (which would make a state
    /// file grow by a plan per event): enough for <c>graph --execution</c> to draw the path. Null in older files.
    /// </summary>
    public IReadOnlyList<JsonObject>? History { get; init; }

    /// <summary>The record of <paramref name="result"/>; the provisioning id is the request's, else the execution name (ValidateRequest's rule).</summary>
    public static LocalExecutionRecord Of(string stateMachine, string name, JsonNode? input, ExecutionResult result, int mutatingCalls) => new()
    {
        Name = name,
        StateMachine = stateMachine,
        ProvisioningId = ProvisioningIdOf(input, name),
        Status = result.Status,
        Error = result.Error,
        Cause = result.Cause,
        StartDate = result.StartDate,
        StopDate = result.StopDate,
        MutatingCalls = mutatingCalls,
        Input = input?.DeepClone(),
        History = [.. result.History.Select(Kept)],
    };

    private static JsonObject Kept(HistoryEvent written)
    {
        var entry = written.ToJson();
        foreach (var details in entry.Select(m => m.Value).OfType<JsonObject>())
        {
            foreach (var member in DataMembers)
            {
                details.Remove(member);
            }
        }

        return entry;
    }

    public static string ProvisioningIdOf(JsonNode? request, string executionName) =>
        request?["provisioningId"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : executionName;
}
