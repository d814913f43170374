namespace OutpostServerless.Emulator.Wire.Http;

/// <summary>Header names the AWS protocols use on the wire.</summary>
internal static class WireHeaders
{
    public const string RequestId = "x-amzn-RequestId";
    public const string ErrorType = "x-amzn-ErrorType";
    public const string QueryError = "x-amzn-query-error";
    public const string Target = "X-Amz-Target";
    public const string Authorization = "Authorization";
    public const string AmzDate = "X-Amz-Date";
    public const string ContentSha256 = "X-Amz-Content-SHA256";

    public static Dictionary<string, string> With(params (string Name, string Value)[] headers)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            result[name] = value;
        }

        return result;
    }
}
