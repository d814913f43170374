using OutpostServerless.StateMachine.Jsonata.Runtime;
using static OutpostServerless.StateMachine.Jsonata.Functions.Builtins;
using static OutpostServerless.StateMachine.Jsonata.Functions.FunctionLibrary;

namespace OutpostServerless.StateMachine.Jsonata.Functions;

/// <summary>$map, $filter, $single, $reduce: each callback gets (value, index, array), as many as it declares.</summary>
internal static class HigherOrderFunctions
{
    public static IEnumerable<NativeFunction> All()
    {
        yield return Define("map", 2, Map);
        yield return Define("filter", 2, Filter);
        yield return Define("single", 2, Single);
        yield return Define("reduce", 3, Reduce);
    }

    private static object? Map(Interpreter interpreter, IReadOnlyList<object?> a, object? context)
    {
        if (Array(a, 0) is not { } items)
        {
            return null;
        }

        var function = Function(a, 1, "$map") ?? throw SignatureError("$map", 1);
        var result = JArray.Sequence();
        for (var i = 0; i < items.Count; i++)
        {
            if (interpreter.CallBack(function, context, items[i], (double)i, items) is { } value)
            {
                result.Add(value);
            }
        }

        return result;
    }

    private static object? Filter(Interpreter interpreter, IReadOnlyList<object?> a, object? context)
    {
        if (Array(a, 0) is not { } items)
        {
            return null;
        }

        var function = Function(a, 1, "$filter") ?? throw SignatureError("$filter", 1);
        var result = JArray.Sequence();
        for (var i = 0; i < items.Count; i++)
        {
            if (Values.Truthy(interpreter.CallBack(function, context, items[i], (double)i, items)))
            {
                result.Add(items[i]);
            }
        }

        return result;
    }

    private static object? Single(Interpreter interpreter, IReadOnlyList<object?> a, object? context)
    {
        if (Array(a, 0) is not { } items)
        {
            return null;
        }

        var function = Function(a, 1, "$single");
        object? found = null;
        var matches = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (function is null || Values.Truthy(interpreter.CallBack(function, context, items[i], (double)i, items)))
            {
                if (++matches > 1)
                {
                    throw new JsonataException("D3138", "The $single() function expected exactly 1 matching result.  Instead it matched more.");
                }

                found = items[i];
            }
        }

        return matches == 1 ? found : throw new JsonataException("D3139", "The $single() function expected exactly 1 matching result.  Instead it matched 0.");
    }

    private static object? Reduce(Interpreter interpreter, IReadOnlyList<object?> a, object? context)
    {
        if (Array(a, 0) is not { } items)
        {
            return null;
        }

        var function = Function(a, 1, "$reduce") ?? throw SignatureError("$reduce", 1);
        if (function.Arity < 2)
        {
            throw new JsonataException("D3050", "The second argument of reduce function must be a function with at least two arguments");
        }

        var index = 0;
        object? accumulator;
        if (a.Count > 2)
        {
            accumulator = Arg(a, 2);
        }
        else
        {
            if (items.Count == 0)
            {
                return null;
            }

            accumulator = items[0];
            index = 1;
        }

        for (; index < items.Count; index++)
        {
            accumulator = interpreter.CallBack(function, context, accumulator, items[index], (double)index, items);
        }

        return accumulator;
    }
}
