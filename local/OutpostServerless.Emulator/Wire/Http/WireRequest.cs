namespace OutpostServerless.Emulator.Wire.Http;

/// <summary>
/// One HTTP request as it arrived, before any decoding: what SigV4 signs is the raw path and query,
/// so they stay percent-encoded here. Independent of the HTTP server, so front-ends and the
/// signature check can be tested without a socket.
/// </summary>
internal sealed record WireRequest
{
    public required string Method { get; init; }

    /// <summary>The path exactly as sent, still percent-encoded (e.g. <c>/outposts/arn%3Aaws%3A...</c>).</summary>
    public required string RawPath { get; init; }

    /// <summary>The query string as sent, without the leading <c>?</c>, still percent-encoded.</summary>
    public string RawQuery { get; init; } = string.Empty;

    /// <summary>Header values by name (case-insensitive); repeated headers joined with a comma, as HTTP allows.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public ReadOnlyMemory<byte> Body { get; init; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The media type of the body without parameters, lower case (<c>application/x-amz-json-1.1</c>).</summary>
    public string? MediaType
    {
        get
        {
            var contentType = Header("Content-Type");
            if (contentType is null)
            {
                return null;
            }

            var end = contentType.IndexOf(';', StringComparison.Ordinal);
            return (end < 0 ? contentType : contentType[..end]).Trim().ToLowerInvariant();
        }
    }
}
