using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Variables;

namespace OutpostServerless.StateMachine.Paths;

/// <summary>
/// What a path or intrinsic can read: the input (<c>$</c>), the context object (<c>$$</c>), the workflow
/// variables (<c>$name</c>), and the random source States.UUID and States.MathRandom draw from.
/// </summary>
internal sealed record PathScope(JsonNode? Input, ContextObject Context, Random Random, VariableScope? Variables = null)
{
    public PathScope WithInput(JsonNode? input) => this with { Input = input };

    /// <summary>Selects <paramref name="path"/> from the input, the context object (<c>$$</c>) or a variable (<c>$name</c>).</summary>
    public bool Select(JsonPath path, out JsonNode? value)
    {
        if (path.VariableName is { } name)
        {
            if (Variables is null || !Variables.TryGet(name, out var variable))
            {
                value = null;
                return false;
            }

            return path.TrySelect(variable, out value);
        }

        return path.IsContextPath ? Context.TrySelect(path, out value) : path.TrySelect(Input, out value);
    }

    /// <summary>The value a path's steps start from, as error messages quote it: the input, the context object, or the variable (null when unset).</summary>
    public JsonNode? RootOf(JsonPath path) =>
        path.VariableName is { } name
            ? Variables is not null && Variables.TryGet(name, out var variable) ? variable : null
            : path.IsContextPath ? Context.Json : Input;
}
