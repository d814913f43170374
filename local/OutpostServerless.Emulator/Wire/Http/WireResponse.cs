using System.Text;

namespace OutpostServerless.Emulator.Wire.Http;

/// <summary>An HTTP response a front-end produced: status, media type, body and extra headers.</summary>
internal sealed record WireResponse(int StatusCode, string ContentType, ReadOnlyMemory<byte> Body)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
