using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine.Intrinsics;

/// <summary>States.Array, ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem, ArrayLength and ArrayUnique.</summary>
internal static class ArrayFunctions
{
    /// <summary>AWS caps States.ArrayRange results at 1000 items.</summary>
    private const int MaxRangeItems = 1000;

    public static JsonNode? Array(IntrinsicInvocation call) => new JsonArray(call.Arguments.Select(JsonText.Clone).ToArray());

    public static JsonNode? ArrayPartition(IntrinsicInvocation call)
    {
        var items = call.Array(0, "the array");
        var size = call.Integer(1, "the chunk size");
        if (size <= 0)
        {
            throw call.Failure("the chunk size must be greater than 0");
        }

        var chunks = items.Select(JsonText.Clone)
            .Chunk((int)Math.Min(size, int.MaxValue))
            .Select(chunk => (JsonNode?)new JsonArray(chunk));
        return new JsonArray(chunks.ToArray());
    }

    public static JsonNode? ArrayContains(IntrinsicInvocation call) =>
        JsonValue.Create(call.Array(0, "the array").Any(item => JsonNode.DeepEquals(item, call[1])));

    /// <summary>From start to end inclusive, by step; step must not be 0.</summary>
    public static JsonNode? ArrayRange(IntrinsicInvocation call)
    {
        var start = call.Integer(0, "the start");
        var end = call.Integer(1, "the end");
        var step = call.Integer(2, "the step");
        if (step == 0)
        {
            throw call.Failure("the step must not be 0");
        }

        var result = new JsonArray();
        for (var i = start; step > 0 ? i <= end : i >= end; i += step)
        {
            if (result.Count == MaxRangeItems)
            {
                throw call.Failure($"the range has more than {MaxRangeItems} items");
            }

            result.Add(i);
        }

        return result;
    }

    public static JsonNode? ArrayGetItem(IntrinsicInvocation call)
    {
        var items = call.Array(0, "the array");
        var index = call.Integer(1, "the index");
        if (index < 0 || index >= items.Count)
        {
            throw call.Failure($"the index {index} is out of bounds for an array of {items.Count}");
        }

        return JsonText.Clone(items[(int)index]);
    }

    public static JsonNode? ArrayLength(IntrinsicInvocation call) => JsonValue.Create(call.Array(0, "the array").Count);

    /// <summary>The distinct values, each where it first occurs.</summary>
    public static JsonNode? ArrayUnique(IntrinsicInvocation call)
    {
        var unique = new JsonArray();
        foreach (var item in call.Array(0, "the array"))
        {
            if (!unique.Any(seen => JsonNode.DeepEquals(seen, item)))
            {
                unique.Add(JsonText.Clone(item));
            }
        }

        return unique;
    }
}
