using System.Globalization;
using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.Client.Http;
using OutpostServerless.Aws.Protocols.RestJson;

namespace OutpostServerless.Aws.Outposts;

/// <summary>The Outposts port over HTTP: restJson1, signing name <c>outposts</c>.</summary>
public sealed class OutpostsClient(AwsHttpPipeline pipeline, ServiceEndpoint endpoint) : IOutposts
{
    private static readonly OutpostsJsonContext Json = OutpostsJsonContext.Default;

    private readonly RestJsonProtocol _protocol = new(pipeline, AwsService.Outposts, endpoint);

    public async Task<GetOutpostResponse> GetOutpostAsync(GetOutpostRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await _protocol.GetAsync("GetOutpost", $"/outposts/{RestJsonProtocol.Label(request.OutpostId)}", [], Json.GetOutpostResponse, cancellationToken);

        // Not a list (read as empty when absent): name it when it is missing rather than let a null surface later.
        return response.Outpost is null ? throw new AwsResponseFormatException(AwsService.Outposts.SigningName, "GetOutpost", "missing Outpost") : response;
    }

    public async Task<ListOutpostsResponse> ListOutpostsAsync(ListOutpostsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = Paging(request.NextToken, request.MaxResults);
        query.AddRange(request.LifeCycleStatusFilter.Select(v => new KeyValuePair<string, string>("LifeCycleStatusFilter", v)));
        query.AddRange(request.AvailabilityZoneFilter.Select(v => new KeyValuePair<string, string>("AvailabilityZoneFilter", v)));
        query.AddRange(request.AvailabilityZoneIdFilter.Select(v => new KeyValuePair<string, string>("AvailabilityZoneIdFilter", v)));
        return await _protocol.GetAsync("ListOutposts", "/outposts", query, Json.ListOutpostsResponse, cancellationToken);
    }

    public async Task<GetOutpostInstanceTypesResponse> GetOutpostInstanceTypesAsync(GetOutpostInstanceTypesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = Paging(request.NextToken, request.MaxResults);
        return await _protocol.GetAsync("GetOutpostInstanceTypes", $"/outposts/{RestJsonProtocol.Label(request.OutpostId)}/instanceTypes", query, Json.GetOutpostInstanceTypesResponse, cancellationToken);
    }

    public async Task<ListAssetsResponse> ListAssetsAsync(ListAssetsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = Paging(request.NextToken, request.MaxResults);
        query.AddRange(request.StatusFilter.Select(status => new KeyValuePair<string, string>("StatusFilter", status)));
        return await _protocol.GetAsync("ListAssets", $"/outposts/{RestJsonProtocol.Label(request.OutpostIdentifier)}/assets", query, Json.ListAssetsResponse, cancellationToken);
    }

    private static List<KeyValuePair<string, string>> Paging(string? nextToken, int? maxResults)
    {
        var query = new List<KeyValuePair<string, string>>();
        if (maxResults is not null)
        {
            query.Add(new("MaxResults", maxResults.Value.ToString(CultureInfo.InvariantCulture)));
        }

        if (nextToken is not null)
        {
            query.Add(new("NextToken", nextToken));
        }

        return query;
    }
}
