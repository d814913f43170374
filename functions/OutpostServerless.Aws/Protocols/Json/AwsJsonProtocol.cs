using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.Client.Http;

namespace OutpostServerless.Aws.Protocols.Json;

/// <summary>
/// awsJson1_0 / awsJson1_1: <c>POST /</c>, the operation in <c>X-Amz-Target: {prefix}.{Operation}</c>,
/// the input as a JSON object (<c>application/x-amz-json-1.x</c>), the output as a JSON object.
/// </summary>
public sealed class AwsJsonProtocol(AwsHttpPipeline pipeline, AwsService service, ServiceEndpoint endpoint, string targetPrefix, string jsonVersion = "1.1")
{
    private static readonly JsonErrorParser Errors = new();

    public async Task<TOutput> InvokeAsync<TInput, TOutput>(string operation, TInput input, JsonTypeInfo<TInput> inputType, JsonTypeInfo<TOutput> outputType, CancellationToken cancellationToken)
    {
        var request = new AwsRequest(
            operation,
            HttpMethod.Post,
            "/",
            [],
            [new("X-Amz-Target", $"{targetPrefix}.{operation}")],
            JsonSerializer.SerializeToUtf8Bytes(input, inputType),
            $"application/x-amz-json-{jsonVersion}");
        var response = await pipeline.SendAsync(service, endpoint, request, Errors, cancellationToken);
        return JsonBody.Read(service, operation, response.Body, outputType);
    }
}
