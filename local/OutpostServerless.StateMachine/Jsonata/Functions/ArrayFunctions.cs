using OutpostServerless.StateMachine.Jsonata.Runtime;
using static OutpostServerless.StateMachine.Jsonata.Functions.Builtins;
using static OutpostServerless.StateMachine.Jsonata.Functions.FunctionLibrary;

namespace OutpostServerless.StateMachine.Jsonata.Functions;

/// <summary>$count, $append, $sort, $reverse, $shuffle, $distinct, $zip.</summary>
internal static class ArrayFunctions
{
    public static IEnumerable<NativeFunction> All()
    {
        yield return Define("count", 1, (_, a, _) => (double)(Array(a, 0)?.Count ?? 0));
        yield return Define("append", 2, (_, a, _) => Append(Arg(a, 0), Arg(a, 1)));
        yield return Define("sort", 2, Sort);
        yield return Define("reverse", 1, (_, a, _) => Array(a, 0) is { } items ? new JArray(Enumerable.Reverse(items)) : null);
        yield return Define("shuffle", 1, (interpreter, a, _) => Array(a, 0) is { } items ? new JArray(items.OrderBy(_ => interpreter.Environment.Random.Next())) : null);
        yield return Define("distinct", 1, (_, a, _) => Distinct(Arg(a, 0)));
        yield return Define("zip", int.MaxValue, (_, a, _) => Zip(a));
    }

    private static object? Sort(Interpreter interpreter, IReadOnlyList<object?> a, object? context)
    {
        if (Array(a, 0) is not { } items)
        {
            return null;
        }

        if (items.Count <= 1)
        {
            return items;
        }

        var comparator = Function(a, 1, "$sort");
        if (comparator is null)
        {
            if (items.TrueForAll(i => i is double))
            {
                return new JArray(items.OrderBy(i => (double)i!));
            }

            if (items.TrueForAll(i => i is string))
            {
                return new JArray(items.OrderBy(i => (string)i!, StringComparer.Ordinal));
            }

            throw new JsonataException("D3070", "The single argument form of the sort function can only be applied to an array of strings or an array of numbers.  Use the second argument to specify a comparison function");
        }

        // The comparator answers whether its first argument goes after its second; a stable merge sort, as jsonata-js.
        var sorted = items.ToList();
        MergeSort(sorted, (x, y) => Values.Truthy(interpreter.CallBack(comparator, context, x, y)));
        return new JArray(sorted);
    }

    private static void MergeSort(List<object?> items, Func<object?, object?, bool> after)
    {
        if (items.Count <= 1)
        {
            return;
        }

        var middle = items.Count / 2;
        var left = items.GetRange(0, middle);
        var right = items.GetRange(middle, items.Count - middle);
        MergeSort(left, after);
        MergeSort(right, after);
        int i = 0, j = 0, k = 0;
        while (i < left.Count && j < right.Count)
        {
            items[k++] = after(left[i], right[j]) ? right[j++] : left[i++];
        }

        while (i < left.Count)
        {
            items[k++] = left[i++];
        }

        while (j < right.Count)
        {
            items[k++] = right[j++];
        }
    }

    private static object? Distinct(object? value)
    {
        if (value is not JArray items)
        {
            return value;
        }

        var result = new JArray();
        foreach (var item in items)
        {
            if (!result.Exists(seen => Values.DeepEquals(seen, item)))
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static JArray Zip(IReadOnlyList<object?> a)
    {
        var arrays = a.Select((_, i) => Array(a, i) ?? []).ToList();
        var length = arrays.Count == 0 ? 0 : arrays.Min(x => x.Count);
        var result = new JArray();
        for (var i = 0; i < length; i++)
        {
            result.Add(new JArray(arrays.Select(x => x[i])));
        }

        return result;
    }
}
