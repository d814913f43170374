using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine.Paths;

/// <summary>
/// Where a state's result goes in its raw input: <c>$</c> (the default) replaces the input, a reference path
/// places the result inside a copy of the input (creating missing objects), and <c>null</c> discards it.
/// </summary>
internal sealed record ResultPath(JsonPath? Path)
{
    public static ResultPath Default { get; } = new(JsonPath.Parse("$"));

    public static ResultPath Discard { get; } = new((JsonPath?)null);

    public JsonNode? Apply(JsonNode? rawInput, JsonNode? result)
    {
        if (Path is null)
        {
            return rawInput;
        }

        if (Path.IsRoot)
        {
            return result;
        }

        if (Path.TrySet(JsonText.Clone(rawInput), result, out var output))
        {
            return output;
        }

        throw new StatesException(
            StatesErrorNames.ResultPathMatchFailure,
            $"Unable to apply ResultPath '{Path.Text}' to input '{JsonText.Serialize(rawInput)}'");
    }
}
