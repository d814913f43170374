using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine.Intrinsics;

/// <summary>States.StringToJson, States.JsonToString and States.JsonMerge.</summary>
internal static class JsonFunctions
{
    public static JsonNode? StringToJson(IntrinsicInvocation call)
    {
        var text = call.String(0, "the argument");
        try
        {
            return JsonText.Parse(text);
        }
        catch (JsonException e)
        {
            throw call.Failure($"the string is not valid JSON ({e.Message})");
        }
    }

    public static JsonNode? JsonToString(IntrinsicInvocation call) => JsonValue.Create(JsonText.Serialize(call[0]));

    /// <summary>Shallow merge: the second object's keys replace the first's. AWS supports only the shallow mode.</summary>
    public static JsonNode? JsonMerge(IntrinsicInvocation call)
    {
        if (call[0] is not JsonObject left || call[1] is not JsonObject right)
        {
            throw call.Failure("the first two arguments must be JSON objects");
        }

        if (!JsonScalars.TryGetBoolean(call[2], out var deep))
        {
            throw call.Failure("the third argument must be a boolean");
        }

        if (deep)
        {
            throw call.Failure("Currently, Step Functions only supports the shallow merging mode; the boolean value must be false");
        }

        var merged = (JsonObject)left.DeepClone();
        foreach (var (key, value) in right)
        {
            merged[key] = JsonText.Clone(value);
        }

        return merged;
    }
}
