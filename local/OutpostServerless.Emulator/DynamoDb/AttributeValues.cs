using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace OutpostServerless.Emulator.DynamoDb;

/// <summary>What DynamoDB does with attribute values: their type, equality, ordering, numbers and size.</summary>
internal static class AttributeValues
{
    /// <summary>The data type descriptor (<c>S</c>, <c>N</c>, <c>B</c>, <c>SS</c>, <c>NS</c>, <c>BS</c>, <c>M</c>, <c>L</c>, <c>NULL</c>, <c>BOOL</c>), or null for an empty value.</summary>
    public static string? TypeOf(AttributeValue value) => value switch
    {
        { S: not null } => "S",
        { N: not null } => "N",
        { B: not null } => "B",
        { SS: not null } => "SS",
        { NS: not null } => "NS",
        { BS: not null } => "BS",
        { M: not null } => "M",
        { L: not null } => "L",
        { NULL: not null } => "NULL",
        { BOOL: not null } => "BOOL",
        _ => null,
    };

    public static bool AreEqual(AttributeValue a, AttributeValue b)
    {
        var type = TypeOf(a);
        if (type != TypeOf(b))
        {
            return false;
        }

        return type switch
        {
            "S" => a.S == b.S,
            "N" => Number(a.N) == Number(b.N),
            "B" => a.B!.ToArray().AsSpan().SequenceEqual(b.B!.ToArray()),
            "SS" => a.SS!.ToHashSet(StringComparer.Ordinal).SetEquals(b.SS!),
            "NS" => a.NS!.Select(Number).ToHashSet().SetEquals(b.NS!.Select(Number)),
            "BS" => a.BS!.Select(s => Convert.ToBase64String(s.ToArray())).ToHashSet(StringComparer.Ordinal).SetEquals(b.BS!.Select(s => Convert.ToBase64String(s.ToArray()))),
            "M" => a.M!.Count == b.M!.Count && a.M.All(p => b.M.TryGetValue(p.Key, out var other) && AreEqual(p.Value, other)),
            "L" => a.L!.Count == b.L!.Count && a.L.Zip(b.L).All(p => AreEqual(p.First, p.Second)),
            "NULL" => true,
            "BOOL" => a.BOOL == b.BOOL,
            _ => false,
        };
    }

    /// <summary>The order of two scalars of one type (numbers by value, strings and binaries by their UTF-8 bytes), or null when they cannot be ordered.</summary>
    public static int? Compare(AttributeValue a, AttributeValue b)
    {
        var type = TypeOf(a);
        if (type != TypeOf(b))
        {
            return null;
        }

        return type switch
        {
            "S" => string.CompareOrdinal(a.S, b.S) switch { < 0 => -1, > 0 => 1, _ => 0 },
            "N" => Number(a.N).CompareTo(Number(b.N)),
            "B" => a.B!.ToArray().AsSpan().SequenceCompareTo(b.B!.ToArray()),
            _ => null,
        };
    }

    public static decimal Number(string? text) =>
        decimal.Parse(text ?? throw DynamoDbErrors.Invalid("A number attribute value is missing its value."), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static string NumberText(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An approximation of DynamoDB's item size: attribute names plus values, in UTF-8 bytes.</summary>
    public static int Size(Dictionary<string, AttributeValue> item) =>
        item.Sum(p => System.Text.Encoding.UTF8.GetByteCount(p.Key) + Size(p.Value));

    private static int Size(AttributeValue value) => value switch
    {
        { S: not null } => System.Text.Encoding.UTF8.GetByteCount(value.S),
        { N: not null } => (value.N.Length + 1) / 2 + 1,
        { B: not null } => (int)value.B.Length,
        { SS: not null } => value.SS.Sum(System.Text.Encoding.UTF8.GetByteCount),
        { NS: not null } => value.NS.Sum(n => (n.Length + 1) / 2 + 1),
        { BS: not null } => value.BS.Sum(b => (int)b.Length),
        { M: not null } => 3 + value.M.Sum(p => System.Text.Encoding.UTF8.GetByteCount(p.Key) + Size(p.Value) + 1),
        { L: not null } => 3 + value.L.Sum(v => Size(v) + 1),
        _ => 1,
    };
}
