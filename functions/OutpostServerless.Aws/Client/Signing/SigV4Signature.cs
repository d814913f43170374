namespace OutpostServerless.Aws.Client.Signing;

/// <summary>Every intermediate of a SigV4 signature, so each can be checked against AWS's test suite.</summary>
public sealed record SigV4Signature(
    string CanonicalRequest,
    string StringToSign,
    string SignedHeaders,
    string Signature,
    string Authorization,
    string AmzDate,
    string? SecurityToken)
{
    /// <summary>The headers to set on the request: X-Amz-Date, X-Amz-Security-Token (with a session token) and Authorization.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers =>
        SecurityToken is null
            ? [new("X-Amz-Date", AmzDate), new("Authorization", Authorization)]
            : [new("X-Amz-Date", AmzDate), new("X-Amz-Security-Token", SecurityToken), new("Authorization", Authorization)];
}
