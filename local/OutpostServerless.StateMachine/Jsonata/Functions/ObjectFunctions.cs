using OutpostServerless.StateMachine.Jsonata.Runtime;
using static OutpostServerless.StateMachine.Jsonata.Functions.Builtins;
using static OutpostServerless.StateMachine.Jsonata.Functions.FunctionLibrary;

namespace OutpostServerless.StateMachine.Jsonata.Functions;

/// <summary>$keys, $lookup, $spread, $merge, $sift, $each, $error, $assert, $type.</summary>
internal static class ObjectFunctions
{
    public static IEnumerable<NativeFunction> All()
    {
        yield return Define("keys", 1, (_, a, _) => Keys(Arg(a, 0)), contextArguments: 1);
        yield return Define("lookup", 2, (_, a, _) => Values.Lookup(Arg(a, 0), String(a, 1, "$lookup") ?? throw SignatureError("$lookup", 1)), contextArguments: 2);
        yield return Define("spread", 1, (_, a, _) => Spread(Arg(a, 0)), contextArguments: 1);
        yield return Define("merge", 1, (_, a, _) => Merge(Array(a, 0)));
        yield return Define("sift", 2, Sift, contextArguments: 2);
        yield return Define("each", 2, Each, contextArguments: 2);
        yield return Define("error", 1, (_, a, _) => throw new JsonataException("D3137", String(a, 0, "$error") ?? "$error() function evaluated"));
        yield return Define("assert", 2, (_, a, _) => Arg(a, 0) is bool condition
            ? condition ? null : throw new JsonataException("D3141", String(a, 1, "$assert") ?? "$assert() statement failed")
            : throw SignatureError("$assert", 0));
        yield return Define("type", 1, (_, a, _) => Arg(a, 0) is null ? null : Values.TypeOf(Arg(a, 0)));
    }

    private static JArray? Keys(object? value)
    {
        var keys = new JArray();
        switch (value)
        {
            case JObject obj:
                keys.AddRange(obj.Keys);
                break;
            case JArray array:
                foreach (var key in array.OfType<JObject>().SelectMany(o => o.Keys))
                {
                    if (!keys.Contains(key))
                    {
                        keys.Add(key);
                    }
                }

                break;
            default:
                return null;
        }

        return keys.Count == 0 ? null : keys;
    }

    private static object? Spread(object? value)
    {
        switch (value)
        {
            case JObject obj:
                var result = JArray.Sequence();
                foreach (var (key, item) in obj)
                {
                    result.Add(new JObject { [key] = item });
                }

                return result;
            case JArray array:
                var all = JArray.Sequence();
                foreach (var item in array)
                {
                    if (Spread(item) is JArray spread)
                    {
                        all.AddRange(spread);
                    }
                    else
                    {
                        all.Add(item);
                    }
                }

                return all;
            default:
                return value;
        }
    }

    private static JObject? Merge(JArray? objects)
    {
        if (objects is null)
        {
            return null;
        }

        var result = new JObject();
        foreach (var obj in objects)
        {
            if (obj is not JObject o)
            {
                throw new JsonataException("T0412", "Argument 1 of function $merge must be an array of objects");
            }

            foreach (var (key, value) in o)
            {
                result[key] = value;
            }
        }

        return result;
    }

    private static object? Sift(Interpreter interpreter, IReadOnlyList<object?> a, object? context)
    {
        if (Arg(a, 0) is not JObject obj)
        {
            return Arg(a, 0) is null ? null : throw SignatureError("$sift", 0);
        }

        var test = Function(a, 1, "$sift") ?? throw SignatureError("$sift", 1);
        var result = new JObject();
        foreach (var (key, value) in obj)
        {
            if (Values.Truthy(interpreter.CallBack(test, context, value, key, obj)))
            {
                result[key] = value;
            }
        }

        return result.Count == 0 ? null : result;
    }

    private static object? Each(Interpreter interpreter, IReadOnlyList<object?> a, object? context)
    {
        if (Arg(a, 0) is not JObject obj)
        {
            return Arg(a, 0) is null ? null : throw SignatureError("$each", 0);
        }

        var function = Function(a, 1, "$each") ?? throw SignatureError("$each", 1);
        var result = JArray.Sequence();
        foreach (var (key, value) in obj)
        {
            if (interpreter.CallBack(function, context, value, key, obj) is { } mapped)
            {
                result.Add(mapped);
            }
        }

        return result;
    }
}
