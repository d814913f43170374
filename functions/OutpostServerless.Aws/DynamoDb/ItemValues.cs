using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace OutpostServerless.Aws.DynamoDb;

/// <summary>Values of our DynamoDB items, written and read one way by every table: strings, numbers, and times as sortable strings.</summary>
public static class ItemValues
{
    public static AttributeValue S(string text) => new() { S = text };

    public static AttributeValue N(long number) => new() { N = number.ToString(CultureInfo.InvariantCulture) };

    public static long Long(AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return long.Parse(value.N, CultureInfo.InvariantCulture);
    }

    public static int Int(AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return int.Parse(value.N, CultureInfo.InvariantCulture);
    }

    /// <summary>ISO 8601 in UTC with a fixed width, so times also sort as strings (a key condition or a scan can range over them).</summary>
    public static AttributeValue Time(DateTimeOffset time) => S(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    /// <summary>A time written by <see cref="Time(DateTimeOffset)"/> (or any ISO 8601 text, read as UTC when it names no offset).</summary>
    public static DateTimeOffset Time(AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return DateTimeOffset.Parse(value.S, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }
}
