using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Teardown, first: the service (scaled to 0, then deleted), the tasks this provisioning started, and its
/// task definition revisions — only revisions tagged with its id, so a family another provisioning shares keeps its own.
/// </summary>
public sealed class TeardownWorkload(AwsPorts aws, ILogger<TeardownWorkload> logger) : IStep<TeardownInput, TeardownResult>
{
    public async Task<TeardownResult> RunAsync(TeardownInput input, CancellationToken cancellationToken)
    {
        var log = new DeletionLog();
        var ecs = new EcsTeardown(aws.Ecs, input.Plan, Ownership.OfProvisioning(input.Plan), log);
        await ecs.DeleteServiceAsync(cancellationToken);
        await ecs.StopTasksAsync(cancellationToken);
        await ecs.DeregisterTaskDefinitionsAsync(cancellationToken);
        return TeardownLog.Report(logger, input.Plan, log);
    }
}
