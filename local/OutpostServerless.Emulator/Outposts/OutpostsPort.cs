using OutpostServerless.Aws.Outposts;
using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator.Outposts;

/// <summary>The in-process <see cref="IOutposts"/>: every call counted, answered by the world.</summary>
internal sealed class OutpostsPort(EmulatedRegion region, string? caller) : IOutposts
{
    public Task<GetOutpostResponse> GetOutpostAsync(GetOutpostRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "outposts:GetOutpost", () => region.Outposts.GetOutpost(request), cancellationToken);

    public Task<ListOutpostsResponse> ListOutpostsAsync(ListOutpostsRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "outposts:ListOutposts", () => region.Outposts.ListOutposts(request), cancellationToken);

    public Task<GetOutpostInstanceTypesResponse> GetOutpostInstanceTypesAsync(GetOutpostInstanceTypesRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "outposts:GetOutpostInstanceTypes", () => region.Outposts.GetOutpostInstanceTypes(request), cancellationToken);

    public Task<ListAssetsResponse> ListAssetsAsync(ListAssetsRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "outposts:ListAssets", () => region.Outposts.ListAssets(request), cancellationToken);
}
