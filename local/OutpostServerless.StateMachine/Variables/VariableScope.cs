using System.Text.Json.Nodes;

namespace OutpostServerless.StateMachine.Variables;

/// <summary>
/// The workflow variables one States block sees: its own, set by <c>Assign</c>, over those of the blocks
/// around it. The execution has one scope, and every Parallel branch and Map iteration a new one inside
/// the scope of the state that runs it: inner states read outer variables, and what they assign stays
/// in their own scope (the Map or Parallel state's Output is the way data leaves it).
/// </summary>
internal sealed class VariableScope(VariableScope? parent)
{
    // Most scopes never assign: the dictionary comes with the first Assign.
    private Dictionary<string, JsonNode?>? _values;

    public VariableScope? Parent { get; } = parent;

    public bool TryGet(string name, out JsonNode? value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._values is not null && scope._values.TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Every visible variable, an inner one hiding an outer one of the same name.</summary>
    public Dictionary<string, JsonNode?> Visible()
    {
        var visible = Parent?.Visible() ?? new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, value) in _values ?? [])
        {
            visible[name] = value;
        }

        return visible;
    }

    /// <summary>Applies one state's assignments, all at once, after the state has evaluated every one of them.</summary>
    public void Assign(IReadOnlyList<KeyValuePair<string, JsonNode?>> values)
    {
        _values ??= new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            _values[name] = value;
        }
    }
}
