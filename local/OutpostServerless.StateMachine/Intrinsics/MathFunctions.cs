using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine.Intrinsics;

/// <summary>States.MathRandom and States.MathAdd.</summary>
internal static class MathFunctions
{
    /// <summary>
    /// A random integer from start (inclusive) to end (exclusive). With a seed, the same number AWS gives
    /// (java.util.Random); without, one from the execution's random source.
    /// </summary>
    public static JsonNode? MathRandom(IntrinsicInvocation call)
    {
        var start = Rounded(call, 0, "the start");
        var end = Rounded(call, 1, "the end");
        if (end <= start)
        {
            throw call.Failure("the end must be greater than the start");
        }

        if (end - start > int.MaxValue)
        {
            throw call.Failure("the range is too large");
        }

        var span = (int)(end - start);
        var offset = call.Count == 3
            ? new JavaRandom(Rounded(call, 2, "the seed")).NextInt(span)
            : call.Random.Next(span);
        return JsonValue.Create(start + offset);
    }

    /// <summary>The sum of two integers; non-integers are first rounded as Java's Math.round does.</summary>
    public static JsonNode? MathAdd(IntrinsicInvocation call) =>
        JsonValue.Create(checked(Rounded(call, 0, "the first value") + Rounded(call, 1, "the second value")));

    private static long Rounded(IntrinsicInvocation call, int index, string what)
    {
        if (JsonScalars.TryGetInteger(call[index], out var integer))
        {
            return integer;
        }

        if (JsonScalars.TryGetDouble(call[index], out var number) && Math.Abs(number) < long.MaxValue)
        {
            return (long)Math.Floor(number + 0.5);
        }

        throw call.Failure($"{what} must be a number, got {JsonText.Serialize(call[index])}");
    }
}
