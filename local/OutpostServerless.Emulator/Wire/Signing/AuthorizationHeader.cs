using OutpostServerless.Aws.Client.Signing;

namespace OutpostServerless.Emulator.Wire.Signing;

/// <summary>
/// <c>AWS4-HMAC-SHA256 Credential=AKID/20250106/us-west-2/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=…</c>,
/// taken apart. <see cref="Parse"/> reports what is missing the way AWS words it.
/// </summary>
internal sealed record AuthorizationHeader
{
    public const string Algorithm = SigV4Signer.Algorithm;

    private static readonly string[] RequiredParameters = ["Credential", "Signature", "SignedHeaders"];

    public required string AccessKeyId { get; init; }

    /// <summary>The scope's date, <c>yyyyMMdd</c>.</summary>
    public required string Date { get; init; }

    public required string Region { get; init; }

    /// <summary>The scope's service: the signing name (<c>ec2</c>, <c>monitoring</c>, …).</summary>
    public required string Service { get; init; }

    public required string Terminator { get; init; }

    /// <summary>Lower-case header names, in the order the client listed them.</summary>
    public required IReadOnlyList<string> SignedHeaders { get; init; }

    public required string Signature { get; init; }

    public string Scope => $"{Date}/{Region}/{Service}/{Terminator}";

    /// <summary>Only the credential scope's service name, for routing before (and whether or not) the header verifies.</summary>
    public static string? ScopeService(string? header)
    {
        var credential = Parameters(header).GetValueOrDefault("Credential");
        var parts = credential?.Split('/');
        return parts is { Length: 5 } ? parts[3] : null;
    }

    public static (AuthorizationHeader? Header, SignatureFailure? Failure) Parse(string header)
    {
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return (null, new SignatureFailure(SignatureFailureKind.Incomplete, $"Unsupported AWS 'algorithm': '{header.Split(' ')[0]}'"));
        }

        var parameters = Parameters(header);
        var missing = RequiredParameters
            .Where(name => string.IsNullOrEmpty(parameters.GetValueOrDefault(name)))
            .Select(name => $"Authorization header requires '{name}' parameter.")
            .ToList();
        if (missing.Count > 0)
        {
            return (null, new SignatureFailure(SignatureFailureKind.Incomplete, $"{string.Join(' ', missing)} Authorization={header}"));
        }

        var credential = parameters["Credential"].Split('/');
        if (credential.Length != 5 || credential[4] != "aws4_request")
        {
            return (null, new SignatureFailure(SignatureFailureKind.Incomplete, $"Credential should be scoped to a valid region, not a malformed scope: '{parameters["Credential"]}'."));
        }

        return (new AuthorizationHeader
        {
            AccessKeyId = credential[0],
            Date = credential[1],
            Region = credential[2],
            Service = credential[3],
            Terminator = credential[4],
            SignedHeaders = parameters["SignedHeaders"].Split(';'),
            Signature = parameters["Signature"],
        }, null);
    }

    private static Dictionary<string, string> Parameters(string? header)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (header is null || !header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return result;
        }

        foreach (var part in header[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                result[part[..equals].Trim()] = part[(equals + 1)..].Trim();
            }
        }

        return result;
    }
}
