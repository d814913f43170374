using System.Text.Json.Nodes;

namespace OutpostServerless.StateMachine.Paths;

/// <summary>What a path or intrinsic can read: the input (<c>$</c>), the context object (<c>$$</c>), and the random source States.UUID and States.MathRandom draw from.</summary>
internal sealed record PathScope(JsonNode? Input, ContextObject Context, Random Random)
{
    public PathScope WithInput(JsonNode? input) => this with { Input = input };

    /// <summary>Selects <paramref name="path"/> from the input, or from the context object for a <c>$$</c> path.</summary>
    public bool Select(JsonPath path, out JsonNode? value) =>
        path.IsContextPath ? Context.TrySelect(path, out value) : path.TrySelect(Input, out value);
}
