namespace OutpostServerless.Aws.Protocols;

/// <summary>
/// Normalizes an error type as JSON services send it (<c>__type</c>, <c>X-Amzn-Errortype</c>,
/// <c>code</c>): only what precedes the first <c>:</c> (a URL may follow), then only what follows
/// the first <c>#</c> (a Smithy namespace may precede), e.g.
/// <c>com.amazonaws.ecs#ClusterNotFoundException</c> → <c>ClusterNotFoundException</c>.
/// </summary>
public static class ErrorCode
{
    public static string Normalize(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var code = raw;
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        return code.Trim();
    }

    /// <summary>The code to use when an error answer carries none: its HTTP status, as botocore does.</summary>
    public static string FromStatus(System.Net.HttpStatusCode status) => ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
