using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OutpostServerless.StateMachine.Intrinsics;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Jsonata.Runtime;
using static OutpostServerless.StateMachine.Jsonata.Functions.Builtins;
using static OutpostServerless.StateMachine.Jsonata.Functions.FunctionLibrary;

namespace OutpostServerless.StateMachine.Jsonata.Functions;

/// <summary>
/// The functions Step Functions adds to JSONata ("Transforming data with JSONata"): $partition, $range,
/// $hash, $random (with an optional seed), $uuid, $parse. As on AWS, non-integer arguments are truncated
/// towards zero, and a chunk size of 0, an empty array, a missing or wrongly signed step, or a missing
/// algorithm give undefined.
/// </summary>
internal static class AwsFunctions
{
    /// <summary>AWS refuses a $range of more elements than this ("Expression evaluation memory limit exceeded").</summary>
    private const int MaxRange = 360_145;

    public static IEnumerable<NativeFunction> All()
    {
        yield return Define("partition", 2, (_, a, _) => Partition(a));
        yield return Define("range", 3, (_, a, _) => Range(a));
        yield return Define("hash", 2, (_, a, _) => Hash(a));
        yield return Define("random", 1, (interpreter, a, _) => Number(a, 0, "$random") is { } seed
            ? new JavaRandom((long)Math.Truncate(seed)).NextDouble()
            : interpreter.Environment.Random.NextDouble());
        yield return Define("uuid", 0, (interpreter, _, _) => UuidFunction.NewUuid(interpreter.Environment.Random));
        yield return Define("parse", 1, (_, a, _) => Parse(String(a, 0, "$parse")), contextArguments: 1);
    }

    private static JArray? Partition(IReadOnlyList<object?> a)
    {
        if (Array(a, 0) is not { Count: > 0 } items || Number(a, 1, "$partition") is not { } size)
        {
            return null;
        }

        var chunk = (long)Math.Truncate(size);
        if (chunk <= 0)
        {
            return null;
        }

        var result = new JArray();
        for (var i = 0; i < items.Count; i += (int)Math.Min(chunk, int.MaxValue))
        {
            result.Add(new JArray(items.Skip(i).Take((int)Math.Min(chunk, int.MaxValue))));
        }

        return result;
    }

    private static JArray? Range(IReadOnlyList<object?> a)
    {
        if (Number(a, 0, "$range") is not { } startValue || Number(a, 1, "$range") is not { } endValue || Number(a, 2, "$range") is not { } stepValue)
        {
            return null;
        }

        var (start, end, step) = (Math.Truncate(startValue), Math.Truncate(endValue), Math.Truncate(stepValue));
        if (step == 0 || (end > start && step < 0) || (end < start && step > 0))
        {
            return null;
        }

        var count = Math.Floor((end - start) / step) + 1;
        if (count > MaxRange)
        {
            throw new JsonataException("D3250", "Expression evaluation memory limit exceeded");
        }

        var result = JArray.Sequence();
        for (var i = 0; i < count; i++)
        {
            result.Add(start + (i * step));
        }

        return result;
    }

    private static string? Hash(IReadOnlyList<object?> a)
    {
        if (String(a, 0, "$hash") is not { } data || String(a, 1, "$hash") is not { } algorithm)
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(data);
#pragma warning disable CA5350, CA5351 // MD5 and SHA-1 are what the function offers; no security relies on them here.
        var digest = algorithm switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            _ => throw new JsonataException("D3140", $"Unsupported hash algorithm: {algorithm}; use MD5, SHA-1, SHA-256, SHA-384 or SHA-512"),
        };
#pragma warning restore CA5350, CA5351
        return Convert.ToHexStringLower(digest);
    }

    private static object? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return Values.FromJson(JsonText.Parse(text));
        }
        catch (JsonException e)
        {
            throw new JsonataException("D3130", $"The argument of $parse is not valid JSON: {e.Message}");
        }
    }
}
