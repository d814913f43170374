using System.Net;
using System.Text;
using Amazon.Runtime;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Emulator.Wire.Http;
using OutpostServerless.Emulator.Wire.Protocols;

namespace OutpostServerless.Local.Lambda;

/// <summary>
/// AWS Lambda's Invoke over restJson1: <c>POST /2015-03-31/functions/{FunctionName}/invocations[?Qualifier=]</c>,
/// the payload as the body, <c>X-Amz-Invocation-Type</c> and <c>X-Amz-Log-Type</c> in, <c>X-Amz-Function-Error</c>,
/// <c>X-Amz-Log-Result</c> and <c>X-Amz-Executed-Version</c> out (botocore <c>lambda</c> 2015-03-31).
/// </summary>
internal sealed class LambdaRestJsonFrontEnd(LocalLambda lambda) : IWireFrontEnd
{
    private const string FunctionsPath = "/2015-03-31/functions/";

    public string SigningName => "lambda";

    public WireProtocol Protocol => WireProtocol.RestJson;

    public bool Accepts(WireRequest request) => request.RawPath.StartsWith(FunctionsPath, StringComparison.Ordinal);

    public async Task<WireResponse> HandleAsync(WireRequest request, string requestId, CancellationToken cancellationToken)
    {
        var segments = request.RawPath[FunctionsPath.Length..].Split('/');
        if (request.Method != "POST" || segments is not [var encodedName, "invocations"])
        {
            throw new AwsServiceError(SigningName, "UnknownOperationException", $"No emulated Lambda operation answers {request.Method} {request.RawPath}: only Invoke is served.", HttpStatusCode.NotFound);
        }

        var invocation = await lambda.InvokeAsync(
            Uri.UnescapeDataString(encodedName),
            Qualifier(request.RawQuery),
            Parse(request.Header("X-Amz-Invocation-Type"), InvocationType.RequestResponse, "invocationType"),
            Parse(request.Header("X-Amz-Log-Type"), LogType.None, "logType") == LogType.Tail,
            request.Body,
            cancellationToken);
        var headers = WireHeaders.With((WireHeaders.RequestId, requestId), ("X-Amz-Executed-Version", invocation.ExecutedVersion));
        if (invocation.FunctionError is { } functionError)
        {
            headers["X-Amz-Function-Error"] = functionError;
        }

        if (invocation.LogResult is { } logResult)
        {
            headers["X-Amz-Log-Result"] = logResult;
        }

        return new WireResponse(invocation.StatusCode, "application/json", Encoding.UTF8.GetBytes(invocation.Payload)) { Headers = headers };
    }

    public WireResponse Error(AmazonServiceException error, string requestId) => RestJsonProtocol.Error(error, requestId);

    private static string? Qualifier(string rawQuery) => rawQuery
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .Where(pair => pair[0] == "Qualifier" && pair.Length == 2)
        .Select(pair => Uri.UnescapeDataString(pair[1]))
        .LastOrDefault();

    private T Parse<T>(string? header, T absent, string member)
        where T : struct, Enum =>
        header is null ? absent
        : Enum.TryParse<T>(header, ignoreCase: false, out var value) && Enum.IsDefined(value) ? value
        : throw new AwsServiceError(SigningName, "ValidationException",
            $"1 validation error detected: Value '{header}' at '{member}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", Enum.GetNames<T>())}]");

    private enum LogType
    {
        None,
        Tail,
    }
}
