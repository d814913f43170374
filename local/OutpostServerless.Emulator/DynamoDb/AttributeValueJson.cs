using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;

namespace OutpostServerless.Emulator.DynamoDb;

/// <summary>
/// DynamoDB's JSON for attribute values (<c>{"S":"x"}</c>, <c>{"N":"1"}</c>, <c>{"M":{…}}</c>, binaries in
/// base64), used on the wire and to keep items in the saved world.
/// </summary>
internal static class AttributeValueJson
{
    public static Dictionary<string, AttributeValue> ReadItem(JsonNode? node) =>
        (node as JsonObject ?? throw DynamoDbErrors.Invalid("An item must be a JSON object of attribute values."))
            .ToDictionary(p => p.Key, p => Read(p.Value), StringComparer.Ordinal);

    public static AttributeValue Read(JsonNode? node)
    {
        // DynamoDB: a value carries exactly one data type.
        if (node is not JsonObject value || value.Count != 1)
        {
            throw DynamoDbErrors.InvalidParameter("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }

        var (type, content) = value.First();
        return type switch
        {
            "S" => new AttributeValue { S = Text(content) },
            "N" => new AttributeValue { N = Number(Text(content)) },
            "B" => new AttributeValue { B = Binary(Text(content)) },
            "SS" => new AttributeValue { SS = Array(content).Select(Text).ToList() },
            "NS" => new AttributeValue { NS = Array(content).Select(n => Number(Text(n))).ToList() },
            "BS" => new AttributeValue { BS = Array(content).Select(b => Binary(Text(b))).ToList() },
            "M" => new AttributeValue { M = ReadItem(content) },
            "L" => new AttributeValue { L = Array(content).Select(Read).ToList() },
            "NULL" => new AttributeValue { NULL = Boolean(content) },
            "BOOL" => new AttributeValue { BOOL = Boolean(content) },
            _ => throw DynamoDbErrors.InvalidParameter("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"),
        };
    }

    public static JsonObject ItemNode(Dictionary<string, AttributeValue> item)
    {
        var node = new JsonObject();
        foreach (var (name, value) in item)
        {
            node[name] = Node(value);
        }

        return node;
    }

    public static JsonObject Node(AttributeValue value) => value switch
    {
        { S: not null } => new JsonObject { ["S"] = value.S },
        { N: not null } => new JsonObject { ["N"] = value.N },
        { B: not null } => new JsonObject { ["B"] = Convert.ToBase64String(value.B.ToArray()) },
        { SS: not null } => new JsonObject { ["SS"] = new JsonArray([.. value.SS.Select(s => (JsonNode?)JsonValue.Create(s))]) },
        { NS: not null } => new JsonObject { ["NS"] = new JsonArray([.. value.NS.Select(s => (JsonNode?)JsonValue.Create(s))]) },
        { BS: not null } => new JsonObject { ["BS"] = new JsonArray([.. value.BS.Select(b => (JsonNode?)JsonValue.Create(Convert.ToBase64String(b.ToArray())))]) },
        { M: not null } => new JsonObject { ["M"] = ItemNode(value.M) },
        { L: not null } => new JsonObject { ["L"] = new JsonArray([.. value.L.Select(v => (JsonNode?)Node(v))]) },
        { NULL: not null } => new JsonObject { ["NULL"] = value.NULL.Value },
        { BOOL: not null } => new JsonObject { ["BOOL"] = value.BOOL.Value },
        _ => throw DynamoDbErrors.InvalidParameter("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"),
    };

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw DynamoDbErrors.Invalid("An attribute value's content must be a string.");

    private static bool Boolean(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? value.GetValue<bool>()
            : throw DynamoDbErrors.Invalid("A BOOL or NULL attribute value must be true or false.");

    private static JsonArray Array(JsonNode? node) =>
        node as JsonArray ?? throw DynamoDbErrors.Invalid("A set or list attribute value must be a JSON array.");

    private static MemoryStream Binary(string base64)
    {
        try
        {
            return new MemoryStream(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            throw DynamoDbErrors.Invalid("A binary attribute value must be base64.");
        }
    }

    /// <summary>DynamoDB keeps a number's value, not its spelling: <c>1.50</c> is stored and returned as <c>1.5</c>.</summary>
    private static string Number(string text)
    {
        if (!decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            throw DynamoDbErrors.Invalid("A value provided cannot be converted into a number");
        }

        return AttributeValues.NumberText(value / 1.000000000000000000000000000000000m);
    }
}
