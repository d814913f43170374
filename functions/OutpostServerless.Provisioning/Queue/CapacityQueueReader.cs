using OutpostServerless.Aws;
using OutpostServerless.Aws.Outposts;

namespace OutpostServerless.Provisioning.Queue;

/// <summary>
/// The capacity queues of one Outpost (or of every Outpost the account sees): one queue per instance type the
/// Outpost offers, each listed admitted first, then the waiting ones in arrival order. Reads only.
/// </summary>
public sealed class CapacityQueueReader(AwsPorts aws, CapacityQueue queue)
{
    /// <param name="outpostId">An Outpost id or ARN; null: every Outpost ListOutposts returns.</param>
    public async Task<IReadOnlyList<QueuePlace>> ListAsync(string? outpostId, CancellationToken cancellationToken)
    {
        var outposts = outpostId is null
            ? await AllOutpostIdsAsync(cancellationToken)
            : [(await aws.Outposts.GetOutpostAsync(new GetOutpostRequest(outpostId), cancellationToken)).Outpost.OutpostId];
        var places = new List<QueuePlace>();
        foreach (var id in outposts)
        {
            foreach (var instanceType in await InstanceTypesAsync(id, cancellationToken))
            {
                places.AddRange(QueuePlace.All(await queue.ListAsync(id, instanceType, cancellationToken)));
            }
        }

        return places;
    }

    private async Task<IReadOnlyList<string>> AllOutpostIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        string? next = null;
        do
        {
            var page = await aws.Outposts.ListOutpostsAsync(new ListOutpostsRequest { NextToken = next }, cancellationToken);
            ids.AddRange(page.Outposts.Select(o => o.OutpostId));
            next = page.NextToken;
        }
        while (next is not null);

        return ids;
    }

    private async Task<IReadOnlyList<string>> InstanceTypesAsync(string outpostId, CancellationToken cancellationToken)
    {
        var types = new List<string>();
        string? next = null;
        do
        {
            var page = await aws.Outposts.GetOutpostInstanceTypesAsync(new GetOutpostInstanceTypesRequest { OutpostId = outpostId, NextToken = next }, cancellationToken);
            types.AddRange(page.InstanceTypes.Select(t => t.InstanceType));
            next = page.NextToken;
        }
        while (next is not null);

        return [.. types.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
