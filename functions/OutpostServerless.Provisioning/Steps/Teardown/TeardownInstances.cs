using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Provisioning.Tagging;
using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Teardown, second: terminates the container instances tagged with the provisioning id. Instances on an
/// Outpost disconnected from its Region cannot be terminated until it is back: the step fails with
/// <see cref="TeardownPendingException"/> for the state machine to retry.
/// </summary>
public sealed class TeardownInstances(AwsPorts aws, ILogger<TeardownInstances> logger) : IStep<TeardownInput, TeardownResult>
{
    public async Task<TeardownResult> RunAsync(TeardownInput input, CancellationToken cancellationToken)
    {
        var log = new DeletionLog();
        var unreachable = await new Ec2Teardown(aws.Ec2, input.Plan, Ownership.OfProvisioning(input.Plan), log).TerminateInstancesAsync(cancellationToken);
        if (unreachable.Count > 0)
        {
            throw new TeardownPendingException(input.Plan.ProvisioningId, $"the Outpost of {unreachable.Count} instance(s) to reconnect so they can be terminated ({string.Join(", ", unreachable)})", log.Deleted);
        }

        return TeardownLog.Report(logger, input.Plan, log);
    }
}
