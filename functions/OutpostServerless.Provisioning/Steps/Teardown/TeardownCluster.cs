using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Teardown, third: the cluster, once its container instances are deregistered. ECS deletes a service and
/// stops tasks asynchronously and refuses the cluster meanwhile (ClusterContainsServicesException,
/// ClusterContainsTasksException): the state machine retries on those names.
/// </summary>
public sealed class TeardownCluster(AwsPorts aws, ILogger<TeardownCluster> logger) : IStep<TeardownInput, TeardownResult>
{
    public async Task<TeardownResult> RunAsync(TeardownInput input, CancellationToken cancellationToken)
    {
        var log = new DeletionLog();
        await new EcsTeardown(aws.Ecs, input.Plan, Ownership.OfProvisioning(input.Plan), log).DeleteClusterAsync(cancellationToken);
        return TeardownLog.Report(logger, input.Plan, log);
    }
}
