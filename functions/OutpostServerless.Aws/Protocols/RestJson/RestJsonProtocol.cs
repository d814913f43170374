using System.Text.Json.Serialization.Metadata;
using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.Client.Http;
using OutpostServerless.Aws.Client.Signing;
using OutpostServerless.Aws.Protocols.Json;

namespace OutpostServerless.Aws.Protocols.RestJson;

/// <summary>
/// restJson1 for read operations: the input bound to the URI (labels percent-encoded, <c>/</c>
/// included) and the query string; the output a JSON document; errors as in <see cref="JsonErrorParser"/>.
/// </summary>
public sealed class RestJsonProtocol(AwsHttpPipeline pipeline, AwsService service, ServiceEndpoint endpoint)
{
    private static readonly JsonErrorParser Errors = new();

    /// <summary>A URI label's value, encoded as botocore and the Smithy spec encode non-greedy labels.</summary>
    public static string Label(string value) => Rfc3986.Encode(value);

    public async Task<TOutput> GetAsync<TOutput>(string operation, string path, IReadOnlyList<KeyValuePair<string, string>> query, JsonTypeInfo<TOutput> outputType, CancellationToken cancellationToken)
    {
        var request = new AwsRequest(operation, HttpMethod.Get, path, query, [], [], null);
        var response = await pipeline.SendAsync(service, endpoint, request, Errors, cancellationToken);
        return JsonBody.Read(service, operation, response.Body, outputType);
    }
}
