using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine.Paths;

/// <summary>
/// The context object that <c>$$</c> paths address: <c>Execution</c> (Id, Name, Input, StartTime, RoleArn,
/// RedriveCount), <c>State</c> (Name, EnteredTime, RetryCount), <c>StateMachine</c> (Id, Name) and, while
/// a Map state selects an item, <c>Map.Item</c> (Index, Value). Built only when a path reads it.
/// </summary>
internal sealed class ContextObject(
    ExecutionIdentity execution,
    string stateName,
    DateTimeOffset enteredTime,
    int retryCount,
    MapItem? mapItem = null)
{
    private JsonObject? _json;

    public string StateName => stateName;

    public int RetryCount => retryCount;

    public JsonObject Json => _json ??= Build();

    public ContextObject WithRetryCount(int count) => new(execution, stateName, enteredTime, count, mapItem);

    public ContextObject WithMapItem(MapItem item) => new(execution, stateName, enteredTime, retryCount, item);

    private JsonObject Build()
    {
        var json = new JsonObject
        {
            ["Execution"] = new JsonObject
            {
                ["Id"] = execution.ExecutionArn,
                ["Input"] = JsonText.Clone(execution.Input),
                ["Name"] = execution.ExecutionName,
                ["RoleArn"] = execution.RoleArn,
                ["StartTime"] = Rfc3339.Format(execution.StartTime),
                ["RedriveCount"] = 0,
            },
            ["State"] = new JsonObject
            {
                ["EnteredTime"] = Rfc3339.Format(enteredTime),
                ["Name"] = stateName,
                [nameof(RetryCount)] = retryCount,
            },
            ["StateMachine"] = new JsonObject
            {
                ["Id"] = execution.StateMachineArn,
                ["Name"] = execution.StateMachineName,
            },
        };
        if (mapItem is not null)
        {
            json["Map"] = new JsonObject
            {
                ["Item"] = new JsonObject
                {
                    ["Index"] = mapItem.Index,
                    ["Value"] = JsonText.Clone(mapItem.Value),
                },
            };
        }

        return json;
    }
}

/// <summary>The item a Map state is preparing an iteration for.</summary>
internal sealed record MapItem(int Index, JsonNode? Value);
