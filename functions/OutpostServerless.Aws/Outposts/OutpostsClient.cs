using System.Globalization;
using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.Client.Http;
using OutpostServerless.Aws.Protocols.RestJson;

namespace OutpostServerless.Aws.Outposts;

/// <summary>The Outposts port over HTTP: restJson1, signing name <c>outposts</c>.</summary>
public sealed class OutpostsClient(AwsHttpPipeline pipeline, ServiceEndpoint endpoint) : IOutposts
{
    private readonly RestJsonProtocol _protocol = new(pipeline, AwsService.Outposts, endpoint);

    public async Task<GetOutpostResponse> GetOutpostAsync(GetOutpostRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var output = await _protocol.GetAsync("GetOutpost", $"/outposts/{RestJsonProtocol.Label(request.OutpostId)}", [], OutpostsJsonContext.Default.OutpostsOutpostOutput, cancellationToken);
        return new GetOutpostResponse(output.Outpost ?? throw new AwsResponseFormatException(AwsService.Outposts.SigningName, "GetOutpost", "missing Outpost"));
    }

    public async Task<ListOutpostsResponse> ListOutpostsAsync(ListOutpostsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = Paging(request.NextToken, request.MaxResults);
        query.AddRange(request.LifeCycleStatusFilter.Select(v => new KeyValuePair<string, string>("LifeCycleStatusFilter", v)));
        query.AddRange(request.AvailabilityZoneFilter.Select(v => new KeyValuePair<string, string>("AvailabilityZoneFilter", v)));
        query.AddRange(request.AvailabilityZoneIdFilter.Select(v => new KeyValuePair<string, string>("AvailabilityZoneIdFilter", v)));
        var output = await _protocol.GetAsync("ListOutposts", "/outposts", query, OutpostsJsonContext.Default.OutpostsListOutput, cancellationToken);
        return new ListOutpostsResponse(output.Outposts ?? [], output.NextToken);
    }

    public async Task<GetOutpostInstanceTypesResponse> GetOutpostInstanceTypesAsync(GetOutpostInstanceTypesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = Paging(request.NextToken, request.MaxResults);
        var output = await _protocol.GetAsync("GetOutpostInstanceTypes", $"/outposts/{RestJsonProtocol.Label(request.OutpostId)}/instanceTypes", query, OutpostsJsonContext.Default.OutpostsInstanceTypesOutput, cancellationToken);
        return new GetOutpostInstanceTypesResponse
        {
            InstanceTypes = output.InstanceTypes ?? [],
            NextToken = output.NextToken,
            OutpostId = output.OutpostId,
            OutpostArn = output.OutpostArn,
        };
    }

    public async Task<ListAssetsResponse> ListAssetsAsync(ListAssetsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = Paging(request.NextToken, request.MaxResults);
        query.AddRange(request.StatusFilter.Select(status => new KeyValuePair<string, string>("StatusFilter", status)));
        var output = await _protocol.GetAsync("ListAssets", $"/outposts/{RestJsonProtocol.Label(request.OutpostIdentifier)}/assets", query, OutpostsJsonContext.Default.OutpostsAssetsOutput, cancellationToken);
        return new ListAssetsResponse(output.Assets ?? [], output.NextToken);
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
