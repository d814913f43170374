using System.Globalization;
using System.Net;
using Amazon.Runtime;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.Outposts;
using OutpostServerless.Emulator.Wire.Http;
using OutpostServerless.Emulator.Wire.Protocols;

namespace OutpostServerless.Emulator.Outposts;

/// <summary>
/// AWS Outposts over restJson1: <c>GET /outposts</c>, <c>GET /outposts/{OutpostId}</c>, <c>…/instanceTypes</c> and
/// <c>…/assets</c>, the id (or percent-encoded ARN) in the path, paging and filters in the query; the answer
/// through the client's own wire records (<see cref="OutpostsJsonContext"/>).
/// </summary>
internal sealed class OutpostsRestJsonFrontEnd(IOutposts outposts) : IWireFrontEnd
{
    private static readonly OutpostsJsonContext Json = OutpostsJsonContext.Default;

    public string SigningName => "outposts";

    public WireProtocol Protocol => WireProtocol.RestJson;

    public bool Accepts(WireRequest request) => request.RawPath is "/outposts" || request.RawPath.StartsWith("/outposts/", StringComparison.Ordinal);

    public async Task<WireResponse> HandleAsync(WireRequest request, string requestId, CancellationToken cancellationToken)
    {
        var segments = request.RawPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var query = QueryString(request.RawQuery);
        switch (request.Method, segments)
        {
            case ("GET", ["outposts"]):
                var list = await outposts.ListOutpostsAsync(new ListOutpostsRequest
                {
                    NextToken = query[NextToken].LastOrDefault(),
                    MaxResults = MaxResults(query),
                    LifeCycleStatusFilter = [.. query["LifeCycleStatusFilter"]],
                    AvailabilityZoneFilter = [.. query["AvailabilityZoneFilter"]],
                    AvailabilityZoneIdFilter = [.. query["AvailabilityZoneIdFilter"]],
                }, cancellationToken);
                return RestJsonProtocol.Response(JsonBody.Write(list, Json.ListOutpostsResponse), requestId);
            case ("GET", ["outposts", var outpostId]):
                var outpost = await outposts.GetOutpostAsync(new GetOutpostRequest(outpostId), cancellationToken);
                return RestJsonProtocol.Response(JsonBody.Write(outpost, Json.GetOutpostResponse), requestId);
            case ("GET", ["outposts", var outpostId, "instanceTypes"]):
                var types = await outposts.GetOutpostInstanceTypesAsync(new GetOutpostInstanceTypesRequest
                {
                    OutpostId = outpostId,
                    NextToken = query[NextToken].LastOrDefault(),
                    MaxResults = MaxResults(query),
                }, cancellationToken);
                return RestJsonProtocol.Response(JsonBody.Write(types, Json.GetOutpostInstanceTypesResponse), requestId);
            case ("GET", ["outposts", var outpostId, "assets"]):
                var assets = await outposts.ListAssetsAsync(new ListAssetsRequest
                {
                    OutpostIdentifier = outpostId,
                    StatusFilter = [.. query["StatusFilter"]],
                    NextToken = query[NextToken].LastOrDefault(),
                    MaxResults = MaxResults(query),
                }, cancellationToken);
                return RestJsonProtocol.Response(JsonBody.Write(assets, Json.ListAssetsResponse), requestId);
            default:
                throw new AwsServiceError(SigningName, "UnknownOperationException", $"No emulated Outposts operation answers {request.Method} {request.RawPath}.", HttpStatusCode.NotFound);
        }
    }

    public WireResponse Error(AmazonServiceException error, string requestId) => RestJsonProtocol.Error(error, requestId);

    private const string NextToken = "NextToken";

    private int? MaxResults(ILookup<string, string> query)
    {
        var text = query["MaxResults"].LastOrDefault();
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw OutpostsErrors.Validation($"1 validation error detected: Value '{text}' at 'maxResults' failed to satisfy constraint: Member must be a number");
    }

    /// <summary>restJson sends a list in the query as the name repeated (<c>StatusFilter=ACTIVE&amp;StatusFilter=RETIRING</c>).</summary>
    private static ILookup<string, string> QueryString(string rawQuery) => rawQuery
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            return (Name: Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]), Value: equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' ')));
        })
        .ToLookup(p => p.Name, p => p.Value, StringComparer.Ordinal);
}
