using OutpostServerless.Aws.Outposts;
using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator.Outposts;

/// <summary>The in-process <see cref="IOutposts"/>: every call counted, answered by the world.</summary>
internal sealed class OutpostsPort(EmulatedRegion region) : IOutposts
{
    public Task<GetOutpostResponse> GetOutpostAsync(GetOutpostRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("outposts:GetOutpost", () => region.Outposts.GetOutpost(request), cancellationToken);

    public Task<ListOutpostsResponse> ListOutpostsAsync(ListOutpostsRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("outposts:ListOutposts", () => region.Outposts.ListOutposts(request), cancellationToken);

    public Task<GetOutpostInstanceTypesResponse> GetOutpostInstanceTypesAsync(GetOutpostInstanceTypesRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("outposts:GetOutpostInstanceTypes", () => region.Outposts.GetOutpostInstanceTypes(request), cancellationToken);

    public Task<ListAssetsResponse> ListAssetsAsync(ListAssetsRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("outposts:ListAssets", () => region.Outposts.ListAssets(request), cancellationToken);
}
