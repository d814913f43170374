using OutpostServerless.StateMachine.Jsonata.Runtime;
using static OutpostServerless.StateMachine.Jsonata.Functions.Builtins;
using static OutpostServerless.StateMachine.Jsonata.Functions.FunctionLibrary;

namespace OutpostServerless.StateMachine.Jsonata.Functions;

/// <summary>$sum, $max, $min, $average over an array of numbers (a single number counts as one).</summary>
internal static class AggregateFunctions
{
    public static IEnumerable<NativeFunction> All()
    {
        yield return Define("sum", 1, (_, a, _) => Numbers(a, 0, "$sum") is { } n ? n.Sum(x => (double)x!) : null);
        yield return Define("max", 1, (_, a, _) => Numbers(a, 0, "$max") is { Count: > 0 } n ? n.Max(x => (double)x!) : null);
        yield return Define("min", 1, (_, a, _) => Numbers(a, 0, "$min") is { Count: > 0 } n ? n.Min(x => (double)x!) : null);
        yield return Define("average", 1, (_, a, _) => Numbers(a, 0, "$average") is { Count: > 0 } n ? n.Average(x => (double)x!) : null);
    }
}
