using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Intrinsics;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;

namespace OutpostServerless.StateMachine.Definition;

/// <summary>Reads typed fields of one definition object, reporting each bad field as "&lt;where&gt;: &lt;Field&gt; ...".</summary>
internal sealed class FieldReader(JsonObject obj, string where, DefinitionProblems problems)
{
    public string Where { get; } = where;

    public JsonObject Object { get; } = obj;

    public bool Has(string field) => Object.ContainsKey(field);

    public JsonNode? Raw(string field) => Object[field];

    public void Report(string message) => problems.Add($"{Where}: {message}");

    public void RejectUnknown(IReadOnlySet<string> allowed, string kind)
    {
        foreach (var (field, _) in Object)
        {
            if (!allowed.Contains(field))
            {
                Report($"the field '{field}' is not supported in {kind}");
            }
        }
    }

    public void Exclusive(string first, string second)
    {
        if (Has(first) && Has(second))
        {
            Report($"{first} and {second} cannot both be set");
        }
    }

    public string? String(string field, bool required = false)
    {
        if (!Has(field))
        {
            if (required)
            {
                Report($"{field} is required");
            }

            return null;
        }

        if (JsonScalars.TryGetString(Raw(field), out var value))
        {
            return value;
        }

        Report($"{field} must be a string");
        return null;
    }

    public bool? Boolean(string field)
    {
        if (!Has(field))
        {
            return null;
        }

        if (JsonScalars.TryGetBoolean(Raw(field), out var value))
        {
            return value;
        }

        Report($"{field} must be a boolean");
        return null;
    }

    /// <summary>An integer in [min, max]; reports and returns null otherwise.</summary>
    public int? Integer(string field, int min, int max = 99_999_999)
    {
        if (!Has(field))
        {
            return null;
        }

        if (JsonScalars.TryGetInteger(Raw(field), out var value) && value >= min && value <= max)
        {
            return (int)value;
        }

        Report(min switch
        {
            0 => $"{field} must be a non-negative integer (at most {max})",
            1 => $"{field} must be a positive integer (at most {max})",
            _ => $"{field} must be an integer from {min} to {max}",
        });
        return null;
    }

    public double? Number(string field, double min, double max = double.MaxValue)
    {
        if (!Has(field))
        {
            return null;
        }

        if (JsonScalars.TryGetDouble(Raw(field), out var value) && value >= min && value <= max)
        {
            return value;
        }

        Report(max == double.MaxValue ? $"{field} must be a number of at least {min:0.0}" : $"{field} must be a number from {min:0.##} to {max:0.##}");
        return null;
    }

    /// <summary>A path field; with <paramref name="reference"/> it must be a Reference Path (one definite place, not <c>$$</c>).</summary>
    public JsonPath? Path(string field, bool reference)
    {
        var text = String(field);
        return text is null ? null : ParsePath(field, text, reference);
    }

    /// <summary>InputPath or OutputPath: absent means <c>$</c>, null means <c>{}</c>.</summary>
    public InputOutputPath InputOutputPath(string field)
    {
        if (!Has(field))
        {
            return Paths.InputOutputPath.Default;
        }

        if (Raw(field) is null)
        {
            return Paths.InputOutputPath.Empty;
        }

        var text = String(field);
        return text is not null && ParsePath(field, text, reference: false) is { } path
            ? new InputOutputPath(path)
            : Paths.InputOutputPath.Default;
    }

    /// <summary>ResultPath: absent means <c>$</c>, null discards the result.</summary>
    public ResultPath ResultPath(string field)
    {
        if (!Has(field))
        {
            return Paths.ResultPath.Default;
        }

        if (Raw(field) is null)
        {
            return Paths.ResultPath.Discard;
        }

        var text = String(field);
        if (text is null)
        {
            return Paths.ResultPath.Default;
        }

        if (text.StartsWith("$$", StringComparison.Ordinal))
        {
            Report($"{field} cannot address the context object ($$)");
            return Paths.ResultPath.Default;
        }

        var parsed = ParsePath(field, text, reference: true);
        if (parsed?.VariableName is not null)
        {
            Report($"{field} cannot address a variable ('{text}'); use Assign to set variables");
            return Paths.ResultPath.Default;
        }

        return parsed is { } path ? new ResultPath(path) : Paths.ResultPath.Default;
    }

    public PayloadTemplate? Template(string field)
    {
        if (!Has(field))
        {
            return null;
        }

        if (Raw(field) is not (JsonObject or JsonArray))
        {
            Report($"{field} must be a JSON object");
        }

        return PayloadTemplate.Parse(Raw(field), $"{Where}: {field}", problems);
    }

    /// <summary>A path or an intrinsic call (ErrorPath, CausePath) using only <paramref name="allowed"/> functions at its top.</summary>
    public (JsonPath? Path, IntrinsicCall? Call) PathOrIntrinsic(string field, IReadOnlySet<string> allowed)
    {
        var text = String(field);
        if (text is null)
        {
            return (null, null);
        }

        if (!IntrinsicParser.LooksLikeCall(text))
        {
            return (ParsePath(field, text, reference: true), null);
        }

        try
        {
            var call = IntrinsicParser.Parse(text);
            if (!allowed.Contains(call.Function.Name))
            {
                Report($"{field}: {call.Function.Name} cannot be used here; only {string.Join(", ", allowed.Order(StringComparer.Ordinal))} return a string");
                return (null, null);
            }

            return (null, call);
        }
        catch (IntrinsicSyntaxException e)
        {
            Report($"{field}: {e.Message}");
            return (null, null);
        }
    }

    private JsonPath? ParsePath(string field, string text, bool reference)
    {
        if (!JsonPath.TryParse(text, out var path, out var problem))
        {
            Report($"{field}: {problem}");
            return null;
        }

        if (reference && !path!.IsReferencePath)
        {
            Report($"{field}: '{text}' must be a Reference Path (names and single indexes only)");
            return null;
        }

        return path;
    }
}
