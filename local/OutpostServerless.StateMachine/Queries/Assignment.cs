using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Paths;

namespace OutpostServerless.StateMachine.Queries;

/// <summary>
/// An <c>Assign</c> field: workflow variables a state sets as it exits. In a JSONata state each value is a
/// JSONata template; in a JSONPath state a key ending in <c>.$</c> takes a path or intrinsic, where <c>$</c>
/// is the state's result (Task, Map, Parallel, Pass), effective input (Choice, Wait) or Error Output
/// (Catcher). Every value is evaluated against the variables as they were on entry, then all are assigned.
/// </summary>
internal sealed class Assignment
{
    private readonly PayloadTemplate? _paths;
    private readonly JsonataTemplate? _jsonata;

    private Assignment(PayloadTemplate? paths, JsonataTemplate? jsonata)
    {
        _paths = paths;
        _jsonata = jsonata;
    }

    public static Assignment OfPaths(PayloadTemplate template) => new(template, null);

    public static Assignment OfJsonata(JsonataTemplate template) => new(null, template);

    /// <summary>JSONPath: <paramref name="scope"/>'s input is what <c>$</c> means for this state.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode?>> Evaluate(PathScope scope) =>
        Detach(_paths?.Evaluate(scope) ?? throw new InvalidOperationException("A JSONata Assign needs a JSONata step"));

    /// <summary>JSONata: <paramref name="field"/> is where the Assign is written (<c>Assign</c>, <c>Choices[0]/Assign</c>, <c>Catch[1]/Assign</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode?>> Evaluate(JsonataStep step, string field = "Assign") =>
        Detach(_jsonata?.Evaluate(step, field) ?? throw new InvalidOperationException("A JSONPath Assign needs a path scope"));

    // The values become variables on their own, not members of the object the template built.
    private static List<KeyValuePair<string, JsonNode?>> Detach(JsonNode? evaluated)
    {
        if (evaluated is not JsonObject values)
        {
            return [];
        }

        var assigned = values.ToList();
        values.Clear();
        return assigned;
    }
}
