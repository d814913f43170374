using System.Text;

namespace OutpostServerless.Aws.Tests.Testing;

/// <summary>A request exactly as our client put it on the wire.</summary>
internal sealed record CapturedRequest(HttpMethod Method, Uri Url, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The signing name in the Authorization header's credential scope.</summary>
    public string SigningName => CredentialScope[3];

    public string SigningRegion => CredentialScope[2];

    private string[] CredentialScope
    {
        get
        {
            var authorization = Header("Authorization") ?? throw new InvalidOperationException("The request is not signed.");
            var credential = authorization.Split(' ', ',').First(p => p.StartsWith("Credential=", StringComparison.Ordinal));
            return credential["Credential=".Length..].Split('/');
        }
    }

    /// <summary>The form body of an awsQuery request, decoded, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Form =>
        BodyText.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => new KeyValuePair<string, string>(Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts.Length > 1 ? parts[1] : string.Empty)))
            .ToList();

    public IReadOnlyList<KeyValuePair<string, string>> Query =>
        Url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => new KeyValuePair<string, string>(Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts.Length > 1 ? parts[1] : string.Empty)))
            .ToList();
}
