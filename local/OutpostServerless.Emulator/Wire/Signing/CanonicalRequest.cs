using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OutpostServerless.Emulator.Wire.Http;

namespace OutpostServerless.Emulator.Wire.Signing;

/// <summary>
/// SigV4's canonical request, rebuilt on the server side from the request as received: the raw path
/// normalised and URI-encoded once more (every service but S3 double-encodes), the query re-encoded
/// and sorted, the signed headers trimmed, and the payload's SHA-256.
/// </summary>
internal static class CanonicalRequest
{
    public static string Build(WireRequest request, IReadOnlyList<string> signedHeaders)
    {
        var text = new StringBuilder()
            .Append(request.Method).Append('\n')
            .Append(CanonicalUri(request.RawPath)).Append('\n')
            .Append(CanonicalQuery(request.RawQuery)).Append('\n');
        foreach (var name in signedHeaders)
        {
            text.Append(name).Append(':').Append(CanonicalHeaderValue(request.Header(name))).Append('\n');
        }

        return text.Append('\n')
            .Append(string.Join(';', signedHeaders)).Append('\n')
            .Append(PayloadHash(request))
            .ToString();
    }

    /// <summary>The <c>x-amz-content-sha256</c> the client sent, or the hex SHA-256 of the body.</summary>
    public static string PayloadHash(WireRequest request) =>
        request.Header(WireHeaders.ContentSha256) ?? Convert.ToHexStringLower(SHA256.HashData(request.Body.Span));

    public static string CanonicalUri(string rawPath)
    {
        var segments = new List<string>();
        foreach (var segment in (string.IsNullOrEmpty(rawPath) ? "/" : rawPath).Split('/'))
        {
            switch (segment)
            {
                case ".":
                    break;
                case "..":
                    if (segments.Count > 1)
                    {
                        segments.RemoveAt(segments.Count - 1);
                    }

                    break;
                default:
                    segments.Add(segment);
                    break;
            }
        }

        var normalised = string.Join('/', segments);
        if (!normalised.StartsWith('/'))
        {
            normalised = "/" + normalised;
        }

        return UriEncode(normalised, keepSlash: true);
    }

    public static string CanonicalQuery(string rawQuery)
    {
        var pairs = rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
                var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
                return (Name: UriEncode(name, keepSlash: false), Value: UriEncode(value, keepSlash: false));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>RFC 3986 encoding as SigV4 defines it: unreserved characters kept, every other byte as %XX (upper case).</summary>
    public static string UriEncode(string text, bool keepSlash)
    {
        var result = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
            {
                result.Append(c);
            }
            else
            {
                result.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return result.ToString();
    }

    private static string CanonicalHeaderValue(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        // Trim and collapse runs of spaces, as the signer did.
        var collapsed = new StringBuilder(value.Length);
        var previousSpace = false;
        foreach (var c in value.Trim())
        {
            var space = c == ' ';
            if (!space || !previousSpace)
            {
                collapsed.Append(c);
            }

            previousSpace = space;
        }

        return collapsed.ToString();
    }
}
