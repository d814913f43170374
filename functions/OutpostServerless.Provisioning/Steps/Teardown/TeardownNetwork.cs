using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Provisioning.Tagging;
using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Teardown, last: the security group, the subnet and the VPC tagged with the provisioning id — never a VPC
/// the request passed by id. Terminating instances hold the group and subnet until they are terminated, and
/// EC2 answers DependencyViolation meanwhile: the step waits through <see cref="TeardownPendingException"/>
/// (and the state machine retries DependencyViolation too) instead of sleeping in the function.
/// </summary>
public sealed class TeardownNetwork(AwsPorts aws, ILogger<TeardownNetwork> logger) : IStep<TeardownInput, TeardownResult>
{
    public async Task<TeardownResult> RunAsync(TeardownInput input, CancellationToken cancellationToken)
    {
        var log = new DeletionLog();
        var ec2 = new Ec2Teardown(aws.Ec2, input.Plan, Ownership.OfProvisioning(input.Plan), log);
        var shuttingDown = await ec2.InstancesShuttingDownAsync(cancellationToken);
        if (shuttingDown.Count > 0)
        {
            throw new TeardownPendingException(input.Plan.ProvisioningId, $"{shuttingDown.Count} instance(s) to finish terminating ({string.Join(", ", shuttingDown)})", log.Deleted);
        }

        await ec2.DeleteSecurityGroupsAsync(cancellationToken);
        await ec2.DeleteSubnetsAsync(cancellationToken);
        await ec2.DeleteVpcsAsync(cancellationToken);
        return TeardownLog.Report(logger, input.Plan, log);
    }
}
