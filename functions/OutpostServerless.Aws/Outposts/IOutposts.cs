namespace OutpostServerless.Aws.Outposts;

/// <summary>
/// The AWS Outposts operations the capacity check uses (restJson1, signing name <c>outposts</c>).
/// Failures are <see cref="Errors.AwsServiceError"/> with codes such as <c>NotFoundException</c>.
/// </summary>
public interface IOutposts
{
    /// <summary><c>GET /outposts/{OutpostId}</c>; the id may be an Outpost id or ARN.</summary>
    Task<GetOutpostResponse> GetOutpostAsync(GetOutpostRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>GET /outposts</c>: the Outposts the account owns or that are shared with it (AWS RAM).</summary>
    Task<ListOutpostsResponse> ListOutpostsAsync(ListOutpostsRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>GET /outposts/{OutpostId}/instanceTypes</c>: the types configured on the Outpost.</summary>
    Task<GetOutpostInstanceTypesResponse> GetOutpostInstanceTypesAsync(GetOutpostInstanceTypesRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>GET /outposts/{OutpostId}/assets</c>: hosts with their per-type slot capacities.</summary>
    Task<ListAssetsResponse> ListAssetsAsync(ListAssetsRequest request, CancellationToken cancellationToken = default);
}
