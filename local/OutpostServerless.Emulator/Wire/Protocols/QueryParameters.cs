using System.Globalization;
using System.Net;
using System.Text;
using OutpostServerless.Emulator.Wire.Http;

namespace OutpostServerless.Emulator.Wire.Protocols;

/// <summary>
/// The form parameters of an ec2Query or awsQuery request (body and query string), read through a
/// prefix so nested structures read like the top level: <c>Filter.1.</c>, <c>Tags.member.2.</c>.
/// </summary>
internal sealed class QueryParameters
{
    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly string _prefix;

    private QueryParameters(IReadOnlyDictionary<string, string> values, string prefix)
    {
        _values = values;
        _prefix = prefix;
    }

    /// <summary>The parameters of a request: the URL's query string, then a form-encoded body (the body wins).</summary>
    public static QueryParameters From(WireRequest request)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Decode(request.RawQuery, values);
        if (request.MediaType is "application/x-www-form-urlencoded" || (request.MediaType is null && request.Method == "POST"))
        {
            Decode(Encoding.UTF8.GetString(request.Body.Span), values);
        }

        return new QueryParameters(values, string.Empty);
    }

    public static QueryParameters From(IReadOnlyDictionary<string, string> values) => new(values, string.Empty);

    public string? Action => String("Action");

    public string? Version => String("Version");

    /// <summary>Every parameter name under this view's prefix, relative to it.</summary>
    public IEnumerable<string> Names => _values.Keys.Where(k => k.StartsWith(_prefix, StringComparison.Ordinal)).Select(k => k[_prefix.Length..]);

    public bool Has(string name) => _values.ContainsKey(_prefix + name);

    public string? String(string name) => _values.TryGetValue(_prefix + name, out var value) ? value : null;

    /// <summary>An integer member; a value that is not one is the service's <paramref name="invalid"/> error.</summary>
    public int? Int(string name, Func<string, string, Exception> invalid)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw invalid(name, text);
    }

    public bool? Bool(string name, Func<string, string, Exception> invalid)
    {
        var text = String(name);
        return text switch
        {
            null => null,
            _ when text.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
            _ when text.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
            _ => throw invalid(name, text),
        };
    }

    /// <summary>A timestamp member in ISO 8601 (the query protocols' format).</summary>
    public DateTimeOffset? Timestamp(string name, Func<string, string, Exception> invalid)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw invalid(name, text);
    }

    /// <summary>
    /// The indexed entries of a list, in index order: <c>{name}.1</c>, <c>{name}.2</c>, … (ec2Query) or,
    /// with <paramref name="member"/>, <c>{name}.member.1</c>, … (awsQuery). Each entry is a view on <c>{name}.N.</c>.
    /// </summary>
    public IReadOnlyList<QueryParameters> Entries(string name, string? member = null)
    {
        var listPrefix = _prefix + name + "." + (member is null ? string.Empty : member + ".");
        var indexes = new SortedSet<int>();
        foreach (var key in _values.Keys)
        {
            if (!key.StartsWith(listPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = key.AsSpan(listPrefix.Length);
            var dot = rest.IndexOf('.');
            if (int.TryParse(dot < 0 ? rest : rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                indexes.Add(index);
            }
        }

        return [.. indexes.Select(i => new QueryParameters(_values, listPrefix + i.ToString(CultureInfo.InvariantCulture) + "."))];
    }

    /// <summary>The values of a list of strings (<c>{name}.N</c> or <c>{name}.member.N</c>), in index order.</summary>
    public List<string>? Strings(string name, string? member = null)
    {
        var listPrefix = _prefix + name + "." + (member is null ? string.Empty : member + ".");
        var entries = _values
            .Where(p => p.Key.StartsWith(listPrefix, StringComparison.Ordinal))
            .Select(p => (Ok: int.TryParse(p.Key.AsSpan(listPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index), Index: index, p.Value))
            .Where(e => e.Ok)
            .OrderBy(e => e.Index)
            .Select(e => e.Value)
            .ToList();
        return entries.Count == 0 ? null : entries;
    }

    /// <summary>A nested structure's view: <c>{name}.</c>, or null when none of its members is present.</summary>
    public QueryParameters? Structure(string name)
    {
        var view = new QueryParameters(_values, _prefix + name + ".");
        return view.Names.Any() ? view : null;
    }

    private static void Decode(string text, Dictionary<string, string> into)
    {
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = WebUtility.UrlDecode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : WebUtility.UrlDecode(pair[(equals + 1)..]);
            into[name] = value;
        }
    }
}
