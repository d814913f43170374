using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Emulator.Wire.Http;

namespace OutpostServerless.Emulator.Wire.Protocols;

/// <summary>
/// What every awsJson service shares: routing by <c>X-Amz-Target</c>, the JSON envelope and error
/// document, and <c>UnknownOperationException</c> for a target the service does not emulate. A service
/// maps one operation to its answer's JSON.
/// </summary>
/// <param name="serviceName">The service as the unknown-operation message names it (<c>ECS</c>).</param>
/// <param name="queryCompatibleType">For an awsQueryCompatible service, the JSON shape of a query error code.</param>
internal abstract class AwsJsonFrontEnd(
    string signingName,
    string targetPrefix,
    string jsonVersion,
    string serviceName,
    Func<string, string>? queryCompatibleType = null) : IWireFrontEnd
{
    public string SigningName => signingName;

    public WireProtocol Protocol => WireProtocol.AwsJson;

    public bool Accepts(WireRequest request) => AwsJsonProtocol.IsTargeted(request, targetPrefix);

    public async Task<WireResponse> HandleAsync(WireRequest request, string requestId, CancellationToken cancellationToken)
    {
        var operation = AwsJsonProtocol.Operation(request, targetPrefix);
        var json = (operation is null ? null : await InvokeAsync(operation, request, cancellationToken))
            ?? throw new AwsServiceError(signingName, "UnknownOperationException", $"Operation {operation ?? "(none)"} is not known to the emulated {serviceName}.", HttpStatusCode.BadRequest);
        return AwsJsonProtocol.Response(json, jsonVersion, requestId);
    }

    public virtual WireResponse Error(AmazonServiceException error, string requestId) =>
        AwsJsonProtocol.Error(error, jsonVersion, requestId, queryCompatibleType);

    /// <summary>The answer to <paramref name="operation"/> as JSON, or null when the service does not emulate it.</summary>
    protected abstract Task<byte[]?> InvokeAsync(string operation, WireRequest request, CancellationToken cancellationToken);

    protected T Read<T>(WireRequest request, JsonTypeInfo<T> type, Action<JsonObject>? complete = null) =>
        JsonBody.Read(request, type, signingName, complete);

    protected static byte[] Write<T>(T value, JsonTypeInfo<T> type) => JsonBody.Write(value, type);
}
