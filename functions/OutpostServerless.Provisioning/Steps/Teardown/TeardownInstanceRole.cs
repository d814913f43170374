using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>Teardown, fourth: the instance profile, then the role (its policies detached and deleted first), if they carry the provisioning id.</summary>
public sealed class TeardownInstanceRole(AwsPorts aws, ILogger<TeardownInstanceRole> logger) : IStep<TeardownInput, TeardownResult>
{
    public async Task<TeardownResult> RunAsync(TeardownInput input, CancellationToken cancellationToken)
    {
        var log = new DeletionLog();
        var iam = new IamTeardown(aws.Iam, input.Plan, Ownership.OfProvisioning(input.Plan), log);
        await iam.DeleteInstanceProfileAsync(cancellationToken);
        await iam.DeleteRoleAsync(cancellationToken);
        return TeardownLog.Report(logger, input.Plan, log);
    }
}
