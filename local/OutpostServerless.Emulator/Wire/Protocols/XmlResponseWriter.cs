using System.Globalization;
using System.Text;
using System.Xml;

namespace OutpostServerless.Emulator.Wire.Protocols;

/// <summary>
/// Writes one XML response document the way the query services do: UTF-8 without a byte order
/// mark, a root element in the service's namespace, absent members left out.
/// </summary>
internal sealed class XmlResponseWriter : IDisposable
{
    private readonly MemoryStream _stream = new();
    private readonly XmlWriter _xml;

    public XmlResponseWriter(string root, string? xmlNamespace)
    {
        _xml = XmlWriter.Create(_stream, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "    ",
        });
        _xml.WriteStartDocument();
        _xml.WriteStartElement(root, xmlNamespace ?? string.Empty);
    }

    public void Start(string name) => _xml.WriteStartElement(name);

    public void End() => _xml.WriteEndElement();

    public void Element(string name, string? value)
    {
        if (value is not null)
        {
            _xml.WriteElementString(name, value);
        }
    }

    public void Element(string name, int? value) => Element(name, value?.ToString(CultureInfo.InvariantCulture));

    public void Element(string name, long? value) => Element(name, value?.ToString(CultureInfo.InvariantCulture));

    public void Element(string name, double? value) => Element(name, value?.ToString("R", CultureInfo.InvariantCulture));

    public void Element(string name, bool? value) => Element(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>A timestamp in ISO 8601 UTC; EC2 writes milliseconds, IAM and CloudWatch whole seconds.</summary>
    public void Element(string name, DateTimeOffset? value, bool milliseconds = false) => Element(
        name,
        value?.UtcDateTime.ToString(milliseconds ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" : "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    /// <summary>
    /// A list: <c>&lt;name&gt;&lt;item&gt;…&lt;/item&gt;&lt;/name&gt;</c>. A null list is left out unless
    /// <paramref name="always"/> (top-level result lists, which the services always send).
    /// </summary>
    public void List<T>(string name, string itemName, IEnumerable<T>? items, Action<T> writeItem, bool always = false)
    {
        if (items is null && !always)
        {
            return;
        }

        _xml.WriteStartElement(name);
        foreach (var item in items ?? [])
        {
            _xml.WriteStartElement(itemName);
            writeItem(item);
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
    }

    /// <summary>A list of plain values: <c>&lt;name&gt;&lt;item&gt;v&lt;/item&gt;&lt;/name&gt;</c>.</summary>
    public void Values(string name, string itemName, IEnumerable<string>? items, bool always = false)
    {
        if (items is null && !always)
        {
            return;
        }

        _xml.WriteStartElement(name);
        foreach (var item in items ?? [])
        {
            _xml.WriteElementString(itemName, item);
        }

        _xml.WriteEndElement();
    }

    public byte[] ToBytes()
    {
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Flush();
        return _stream.ToArray();
    }

    public void Dispose()
    {
        _xml.Dispose();
        _stream.Dispose();
    }
}
