using System.Text;

namespace OutpostServerless.Aws.Client.Signing;

/// <summary>
/// The canonical forms Signature Version 4 signs, one definition for both sides: the client's
/// <see cref="SigV4Signer"/> and the emulator's verifier, which rebuilds them from the request as received.
/// </summary>
public static class SigV4Canonical
{
    /// <summary>
    /// The path with <c>.</c> and <c>..</c> segments resolved, percent-encoded once more: the path as sent is
    /// already encoded, and SigV4 for every service but S3 encodes it again.
    /// </summary>
    public static string Path(string path)
    {
        var segments = new List<string>();
        foreach (var segment in (string.IsNullOrEmpty(path) ? "/" : path).Split('/'))
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
        return Rfc3986.Encode(normalised.StartsWith('/') ? normalised : "/" + normalised, keepSlash: true);
    }

    /// <summary>The query's names and values decoded, encoded again, and sorted by name, then value.</summary>
    public static string Query(string rawQuery)
    {
        ArgumentNullException.ThrowIfNull(rawQuery);
        var pairs = rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
                return (Name: Rfc3986.Encode(Uri.UnescapeDataString(name)), Value: Rfc3986.Encode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>
    /// A header value trimmed, its runs of whitespace one space (botocore: <c>' '.join(value.split())</c>).
    /// Outside quoted strings, as the spec says; our header values never quote.
    /// </summary>
    public static string HeaderValue(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length);
        var lastWasSpace = false;
        foreach (var c in value.Trim())
        {
            var isSpace = c is ' ' or '\t' or '\n' or '\r';
            if (isSpace && lastWasSpace)
            {
                continue;
            }

            builder.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
        }

        return builder.ToString();
    }

    /// <summary>
    /// The canonical request: method, canonical path and query, each signed header as <c>name:value</c> in the
    /// order given, the signed header names, the payload's hash.
    /// </summary>
    /// <param name="headers">Lower-case names with their canonical values, in the order they are signed.</param>
    public static string Request(string method, string canonicalPath, string canonicalQuery, IReadOnlyList<KeyValuePair<string, string>> headers, string payloadHash)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return string.Join('\n',
            method,
            canonicalPath,
            canonicalQuery,
            string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n")),
            string.Join(';', headers.Select(h => h.Key)),
            payloadHash);
    }
}
