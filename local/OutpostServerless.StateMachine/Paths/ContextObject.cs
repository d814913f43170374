using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine.Paths;

/// <summary>
/// The context object that <c>$$</c> paths address: <c>Execution</c> (Id, Name, Input, StartTime, RoleArn,
/// RedriveCount), <c>State</c> (Name, EnteredTime, RetryCount), <c>StateMachine</c> (Id, Name), in a
/// <c>.waitForTaskToken</c> Task <c>Task.Token</c>, and while a Map state selects an item, <c>Map.Item</c> (Index, Value). Built only when a path reads it.
/// </summary>
internal sealed class ContextObject(
    ExecutionIdentity execution,
    string stateName,
    DateTimeOffset enteredTime,
    int retryCount,
    MapItem? mapItem = null,
    string? taskToken = null)
{
    private JsonObject? _json;

    public string StateName => stateName;

    public int RetryCount => retryCount;

    public JsonObject Json => _json ??= Build();

    /// <summary>
    /// Selects a context path. The common single fields (<c>$$.Execution.Name</c>, <c>$$.State.RetryCount</c>,
    /// <c>$$.Task.Token</c>, <c>$$.Map.Item.Index</c>, ...) are answered without building the whole object.
    /// </summary>
    public bool TrySelect(JsonPath path, out JsonNode? value)
    {
        if (_json is null && Field(path.Segments) is { } known)
        {
            value = known.Found ? known.Value : null;
            return known.Found;
        }

        return path.TrySelect(Json, out value);
    }

    private (bool Found, JsonNode? Value)? Field(IReadOnlyList<PathSegment> segments)
    {
        if (segments.Count is < 2 or > 3 || segments[0] is not PropertySegment { Names: [var area] } || segments[1] is not PropertySegment { Names: [var name] })
        {
            return null;
        }

        if (segments.Count == 3)
        {
            return area == "Map" && name == "Item" && segments[2] is PropertySegment { Names: [var item] } && mapItem is not null
                ? item switch
                {
                    "Index" => (true, JsonValue.Create(mapItem.Index)),
                    "Value" => (true, JsonText.Clone(mapItem.Value)),
                    _ => (false, null),
                }
                : null;
        }

        return (area, name) switch
        {
            ("Execution", "Id") => (true, JsonValue.Create(execution.ExecutionArn)),
            ("Execution", "Name") => (true, JsonValue.Create(execution.ExecutionName)),
            ("Execution", "RoleArn") => (true, JsonValue.Create(execution.RoleArn)),
            ("Execution", "StartTime") => (true, JsonValue.Create(Rfc3339.Format(execution.StartTime))),
            ("Execution", "RedriveCount") => (true, JsonValue.Create(0)),
            ("Execution", "Input") => (true, JsonText.Clone(execution.Input)),
            ("State", "Name") => (true, JsonValue.Create(stateName)),
            ("State", "EnteredTime") => (true, JsonValue.Create(Rfc3339.Format(enteredTime))),
            ("State", "RetryCount") => (true, JsonValue.Create(retryCount)),
            ("StateMachine", "Id") => (true, JsonValue.Create(execution.StateMachineArn)),
            ("StateMachine", "Name") => (true, JsonValue.Create(execution.StateMachineName)),
            ("Task", "Token") => taskToken is null ? (false, null) : (true, JsonValue.Create(taskToken)),
            _ => null,
        };
    }

    public ContextObject WithRetryCount(int count) => new(execution, stateName, enteredTime, count, mapItem, taskToken);

    public ContextObject WithMapItem(MapItem item) => new(execution, stateName, enteredTime, retryCount, item, taskToken);

    /// <summary>Only a <c>.waitForTaskToken</c> Task has <c>$$.Task.Token</c>, and only while it starts.</summary>
    public ContextObject WithTaskToken(string token) => new(execution, stateName, enteredTime, retryCount, mapItem, token);

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
        if (taskToken is not null)
        {
            json["Task"] = new JsonObject { ["Token"] = taskToken };
        }

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
