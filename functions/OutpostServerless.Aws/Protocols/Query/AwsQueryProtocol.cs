using System.Text;
using System.Xml;
using System.Xml.Linq;
using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.Client.Http;
using OutpostServerless.Aws.Client.Signing;

namespace OutpostServerless.Aws.Protocols.Query;

/// <summary>
/// awsQuery: <c>POST /</c> with a form body <c>Action={Operation}&amp;Version={api version}&amp;…</c>
/// (<c>application/x-www-form-urlencoded; charset=utf-8</c>); the output is the
/// <c>&lt;{Operation}Result&gt;</c> element of <c>&lt;{Operation}Response&gt;</c>.
/// </summary>
public sealed class AwsQueryProtocol(AwsHttpPipeline pipeline, AwsService service, ServiceEndpoint endpoint, string apiVersion)
{
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    private static readonly QueryErrorParser Errors = new();

    /// <summary>Sends the operation and returns its result element (empty for operations without output).</summary>
    public async Task<XElement> InvokeAsync(string operation, QueryParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var form = new StringBuilder()
            .Append("Action=").Append(Rfc3986.Encode(operation))
            .Append("&Version=").Append(Rfc3986.Encode(apiVersion));
        foreach (var (name, value) in parameters.Values)
        {
            form.Append('&').Append(Rfc3986.Encode(name)).Append('=').Append(Rfc3986.Encode(value));
        }

        var request = new AwsRequest(operation, HttpMethod.Post, "/", [], [], Encoding.UTF8.GetBytes(form.ToString()), ContentType);
        var response = await pipeline.SendAsync(service, endpoint, request, Errors, cancellationToken);
        if (response.Body.Length == 0)
        {
            return new XElement(operation + "Result");
        }

        try
        {
            var root = QueryXml.Parse(response.Body).Root
                ?? throw new AwsResponseFormatException(service.SigningName, operation, "the body has no root element");
            return root.Child(operation + "Result") ?? new XElement(operation + "Result");
        }
        catch (XmlException ex)
        {
            throw new AwsResponseFormatException(service.SigningName, operation, ex.Message, ex);
        }
    }

    /// <summary>A member the operation's output requires, or a format error naming it.</summary>
    public string Required(string operation, XElement element, string member) =>
        element.Text(member) ?? throw new AwsResponseFormatException(service.SigningName, operation, $"missing {element.Name.LocalName}.{member}");
}
