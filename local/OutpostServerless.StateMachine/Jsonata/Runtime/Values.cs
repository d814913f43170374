using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutpostServerless.StateMachine.Jsonata.Runtime;

/// <summary>JSONata's value rules: truthiness, equality, types, and the way between JSON and evaluator values.</summary>
internal static class Values
{
    public static readonly object True = true;
    public static readonly object False = false;

    public static object Bool(bool value) => value ? True : False;

    public static bool IsArray(object? value) => value is JArray;

    public static bool IsNumber(object? value) => value is double d && !double.IsNaN(d) && !double.IsInfinity(d);

    public static bool IsInteger(object? value) => value is double d && double.IsFinite(d) && Math.Floor(d) == d;

    /// <summary>JSONata's boolean casting (<c>$boolean</c>); undefined stays undefined.</summary>
    public static bool? ToBoolean(object? value) => value switch
    {
        null => null,
        bool b => b,
        double d => d != 0,
        string s => s.Length > 0,
        JNull => false,
        JArray a => a.Count switch
        {
            0 => false,
            1 => ToBoolean(a[0]) ?? false,
            _ => a.Exists(item => ToBoolean(item) == true),
        },
        JObject o => o.Count > 0,
        _ => false,
    };

    public static bool Truthy(object? value) => ToBoolean(value) ?? false;

    /// <summary>
    /// A name's value in an object; over an array, the values it has in each item, flattened into one sequence.
    /// A path step (<c>a.name</c>) and <c>$lookup</c> both look names up this way.
    /// </summary>
    public static object? Lookup(object? input, string key)
    {
        switch (input)
        {
            case JArray array:
                var result = JArray.Sequence();
                foreach (var item in array)
                {
                    var value = Lookup(item, key);
                    if (value is JArray inner)
                    {
                        result.AddRange(inner);
                    }
                    else if (value is not null)
                    {
                        result.Add(value);
                    }
                }

                return result;
            case JObject obj:
                return obj.TryGetValue(key, out var found) ? found : null;
            default:
                return null;
        }
    }

    public static bool DeepEquals(object? left, object? right)
    {
        switch (left, right)
        {
            case (null, null):
                return true;
            case (double a, double b):
                return a == b;
            case (string a, string b):
                return string.Equals(a, b, StringComparison.Ordinal);
            case (bool a, bool b):
                return a == b;
            case (JNull, JNull):
                return true;
            case (JArray a, JArray b):
                if (a.Count != b.Count)
                {
                    return false;
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (!DeepEquals(a[i], b[i]))
                    {
                        return false;
                    }
                }

                return true;
            case (JObject a, JObject b):
                if (a.Count != b.Count)
                {
                    return false;
                }

                foreach (var (key, value) in a)
                {
                    if (!b.TryGetValue(key, out var other) || !DeepEquals(value, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return ReferenceEquals(left, right);
        }
    }

    public static string TypeOf(object? value) => value switch
    {
        null => "undefined",
        JNull => "null",
        double => "number",
        string => "string",
        bool => "boolean",
        JArray => "array",
        JFunction => "function",
        _ => "object",
    };

    public static object? FromJson(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JNull.Value;
            case JsonObject obj:
                var result = new JObject();
                foreach (var (key, value) in obj)
                {
                    result[key] = FromJson(value);
                }

                return result;
            case JsonArray array:
                var items = new JArray();
                foreach (var item in array)
                {
                    items.Add(FromJson(item));
                }

                return items;
            case JsonValue value:
                return value.GetValueKind() switch
                {
                    JsonValueKind.String => value.GetValue<string>(),
                    JsonValueKind.True => True,
                    JsonValueKind.False => False,
                    JsonValueKind.Number => Json.JsonScalars.TryGetDouble(value, out var d) ? d : 0.0,
                    _ => JNull.Value,
                };
            default:
                return JNull.Value;
        }
    }

    /// <summary>The JSON form of a result; non-finite numbers become the strings JavaScript names them by, as AWS writes them.</summary>
    public static JsonNode? ToJson(object? value) => value switch
    {
        null or JNull => null,
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        double d when !double.IsFinite(d) => JsonValue.Create(JsNumber.Format(d)),
        double d when Math.Floor(d) == d && Math.Abs(d) < 9.007199254740992e15 => JsonValue.Create((long)d),
        double d => JsonValue.Create(d),
        JArray a => ArrayToJson(a),
        JObject o => ObjectToJson(o),
        _ => null,
    };

    /// <summary>JSON text as <c>$string</c> writes it: numbers to 15 significant digits, functions as "".</summary>
    public static string Stringify(object? value, bool pretty = false)
    {
        var text = new StringBuilder();
        Write(text, value, pretty, 0);
        return text.ToString();
    }

    public static double Normalize(double number) =>
        double.IsFinite(number) && number != 0 ? double.Parse(number.ToString("G15", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture) : number;

    private static JsonArray ArrayToJson(JArray array)
    {
        var result = new JsonArray();
        foreach (var item in array)
        {
            if (item is not null)
            {
                result.Add(ToJson(item));
            }
        }

        return result;
    }

    private static JsonObject ObjectToJson(JObject obj)
    {
        var result = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (value is not null and not JFunction)
            {
                result[key] = ToJson(value);
            }
        }

        return result;
    }

    private static void Write(StringBuilder text, object? value, bool pretty, int indent)
    {
        switch (value)
        {
            case null or JNull:
                text.Append("null");
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case double d:
                text.Append(double.IsFinite(d) ? JsNumber.Format(Normalize(d)) : "null");
                break;
            case string s:
                text.Append(Json.JsonText.Serialize(JsonValue.Create(s)));
                break;
            case JFunction:
                text.Append("\"\"");
                break;
            case JArray a:
                text.Append('[');
                var first = true;
                foreach (var item in a)
                {
                    if (item is null)
                    {
                        continue;
                    }

                    if (!first)
                    {
                        text.Append(',');
                    }

                    first = false;
                    NewLine(text, pretty, indent + 1);
                    Write(text, item, pretty, indent + 1);
                }

                if (!first)
                {
                    NewLine(text, pretty, indent);
                }

                text.Append(']');
                break;
            case JObject o:
                text.Append('{');
                var firstKey = true;
                foreach (var (key, item) in o)
                {
                    if (item is null)
                    {
                        continue;
                    }

                    if (!firstKey)
                    {
                        text.Append(',');
                    }

                    firstKey = false;
                    NewLine(text, pretty, indent + 1);
                    text.Append(Json.JsonText.Serialize(JsonValue.Create(key))).Append(pretty ? ": " : ":");
                    Write(text, item, pretty, indent + 1);
                }

                if (!firstKey)
                {
                    NewLine(text, pretty, indent);
                }

                text.Append('}');
                break;
        }
    }

    private static void NewLine(StringBuilder text, bool pretty, int indent)
    {
        if (pretty)
        {
            text.Append('\n').Append(' ', indent * 2);
        }
    }
}
