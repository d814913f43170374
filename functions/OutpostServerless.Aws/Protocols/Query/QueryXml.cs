using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace OutpostServerless.Aws.Protocols.Query;

/// <summary>Reading awsQuery XML by local names (the documents carry the service's namespace).</summary>
public static class QueryXml
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    public static XDocument Parse(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var stream = new MemoryStream(body, writable: false);
        using var reader = XmlReader.Create(stream, Settings);
        return XDocument.Load(reader);
    }

    public static XElement? Child(this XElement element, string localName) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    public static string? Text(this XElement element, string localName) => element.Child(localName)?.Value;

    /// <summary>The items of a non-flattened list: <c>&lt;Name&gt;&lt;member&gt;…&lt;/member&gt;&lt;/Name&gt;</c>.</summary>
    public static IEnumerable<XElement> Members(this XElement element, string listName) =>
        element.Child(listName)?.Elements().Where(e => e.Name.LocalName == "member") ?? [];

    public static int? Int(this XElement element, string localName) =>
        element.Text(localName) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    public static bool? Bool(this XElement element, string localName) =>
        element.Text(localName) is { } text ? string.Equals(text.Trim(), "true", StringComparison.OrdinalIgnoreCase) : null;

    public static DateTimeOffset? Timestamp(this XElement element, string localName) =>
        element.Text(localName) is { } text ? ParseTimestamp(text) : null;

    public static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static double ParseDouble(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
