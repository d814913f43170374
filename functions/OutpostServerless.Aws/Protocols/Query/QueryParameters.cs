using System.Globalization;

namespace OutpostServerless.Aws.Protocols.Query;

/// <summary>
/// The flattened input of an awsQuery request: structure members as <c>Outer.Inner</c>, list
/// items as <c>List.member.N</c> (1-based), booleans as <c>true</c>/<c>false</c>, timestamps in
/// ISO 8601 UTC. Unset (null) members and empty lists are left out, as botocore leaves them out.
/// </summary>
public sealed class QueryParameters
{
    private readonly List<KeyValuePair<string, string>> _values = [];

    public IReadOnlyList<KeyValuePair<string, string>> Values => _values;

    public QueryParameters Add(string name, string? value)
    {
        if (value is not null)
        {
            _values.Add(new(name, value));
        }

        return this;
    }

    public QueryParameters Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryParameters Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    public QueryParameters Add(string name, DateTimeOffset? value) => Add(name, value is null ? null : Timestamp(value.Value));

    /// <summary>Each item under <c>{name}.member.{n}</c>; <paramref name="write"/> adds the item's members below that prefix.</summary>
    public QueryParameters AddList<T>(string name, IReadOnlyList<T>? items, Action<QueryParameters, string, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            write(this, $"{name}.member.{i + 1}", items![i]);
        }

        return this;
    }

    public QueryParameters AddStrings(string name, IReadOnlyList<string>? items) => AddList(name, items, (q, prefix, item) => q.Add(prefix, item));

    /// <summary>ISO 8601 in UTC with seconds, and milliseconds only when there are some (botocore's form).</summary>
    public static string Timestamp(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return utc.ToString(utc.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }
}
