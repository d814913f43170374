using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine.Intrinsics;

/// <summary>States.Format and States.StringSplit.</summary>
internal static class StringFunctions
{
    /// <summary>Replaces each <c>{}</c> with the next argument; <c>\{</c> and <c>\}</c> in a literal template are plain braces.</summary>
    public static JsonNode? Format(IntrinsicInvocation call)
    {
        var template = call.String(0, "the template");
        var escaped = call.Call.Arguments[0] is LiteralArgument { EscapedText: { } raw } ? raw : null;
        var pieces = SplitTemplate(escaped, template);
        var placeholders = pieces.Count - 1;
        if (placeholders != call.Count - 1)
        {
            throw call.Failure($"the template has {placeholders} placeholder(s) but {call.Count - 1} value(s) were given");
        }

        var result = new StringBuilder(pieces[0]);
        for (var i = 1; i < pieces.Count; i++)
        {
            result.Append(Render(call[i])).Append(pieces[i]);
        }

        return JsonValue.Create(result.ToString());
    }

    /// <summary>Splits at every character of the delimiter string and drops empty pieces.</summary>
    public static JsonNode? StringSplit(IntrinsicInvocation call)
    {
        var text = call.String(0, "the string");
        var delimiters = call.String(1, "the delimiter");
        var parts = delimiters.Length == 0
            ? new[] { text }
            : text.Split(delimiters.ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        return new JsonArray(parts.Where(p => p.Length > 0).Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
    }

    // The text between placeholders. With the escaped literal at hand, "\{}" is text, not a placeholder.
    private static List<string> SplitTemplate(string? escaped, string template)
    {
        var pieces = new List<string>();
        var current = new StringBuilder();
        var source = escaped ?? template;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (escaped is not null && c == '\\' && i + 1 < source.Length)
            {
                current.Append(source[++i]);
            }
            else if (c == '{' && i + 1 < source.Length && source[i + 1] == '}')
            {
                pieces.Add(current.ToString());
                current.Clear();
                i++;
            }
            else
            {
                current.Append(c);
            }
        }

        pieces.Add(current.ToString());
        return pieces;
    }

    // Strings as they are, other scalars as JSON, and containers the way Java prints a Map or List
    // ({a=1, b=[x, y]}), as Step Functions does.
    private static string Render(JsonNode? value) => value switch
    {
        JsonObject obj => "{" + string.Join(", ", obj.Select(p => p.Key + "=" + Render(p.Value))) + "}",
        JsonArray arr => "[" + string.Join(", ", arr.Select(Render)) + "]",
        _ when JsonScalars.KindOf(value) == JsonValueKind.String => value!.GetValue<string>(),
        _ => JsonText.Serialize(value),
    };
}
