using System.Xml;
using OutpostServerless.Aws.Client.Http;

namespace OutpostServerless.Aws.Protocols.Query;

/// <summary>
/// The awsQuery error document:
/// <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;&lt;/ErrorResponse&gt;</c>
/// (EC2's <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;</c> reads the same way).
/// </summary>
public sealed class QueryErrorParser : IErrorParser
{
    public AwsError Parse(AwsResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Body.Length > 0)
        {
            try
            {
                var root = QueryXml.Parse(response.Body).Root;
                var error = root?.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName == "Error");
                if (root is not null && error?.Text("Code") is { Length: > 0 } code)
                {
                    var requestId = root.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName is "RequestId" or "RequestID")?.Value;
                    return new AwsError(code.Trim(), error.Text("Message") ?? string.Empty, requestId ?? response.HeaderRequestId);
                }
            }
            catch (XmlException)
            {
                // Not XML: the status is all there is.
            }
        }

        return new AwsError(ErrorCode.FromStatus(response.Status), string.Empty, response.HeaderRequestId);
    }
}
