using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace OutpostServerless.StateMachine.Intrinsics;

/// <summary>An intrinsic function of the States Language: its name, how many arguments it takes, and what it does.</summary>
internal sealed record IntrinsicFunction(string Name, int MinArguments, int MaxArguments, Func<IntrinsicInvocation, JsonNode?> Invoke)
{
    private const int Many = int.MaxValue;

    /// <summary>The 18 intrinsics AWS supports, by family.</summary>
    public static readonly FrozenDictionary<string, IntrinsicFunction> ByName = new IntrinsicFunction[]
    {
        new("States.Format", 1, Many, StringFunctions.Format),
        new("States.StringSplit", 2, 2, StringFunctions.StringSplit),
        new("States.StringToJson", 1, 1, JsonFunctions.StringToJson),
        new("States.JsonToString", 1, 1, JsonFunctions.JsonToString),
        new("States.JsonMerge", 3, 3, JsonFunctions.JsonMerge),
        new("States.Array", 0, Many, ArrayFunctions.Array),
        new("States.ArrayPartition", 2, 2, ArrayFunctions.ArrayPartition),
        new("States.ArrayContains", 2, 2, ArrayFunctions.ArrayContains),
        new("States.ArrayRange", 3, 3, ArrayFunctions.ArrayRange),
        new("States.ArrayGetItem", 2, 2, ArrayFunctions.ArrayGetItem),
        new("States.ArrayLength", 1, 1, ArrayFunctions.ArrayLength),
        new("States.ArrayUnique", 1, 1, ArrayFunctions.ArrayUnique),
        new("States.Base64Encode", 1, 1, EncodingFunctions.Base64Encode),
        new("States.Base64Decode", 1, 1, EncodingFunctions.Base64Decode),
        new("States.Hash", 2, 2, HashFunction.Hash),
        new("States.MathRandom", 2, 3, MathFunctions.MathRandom),
        new("States.MathAdd", 2, 2, MathFunctions.MathAdd),
        new("States.UUID", 0, 0, UuidFunction.Uuid),
    }.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
}
