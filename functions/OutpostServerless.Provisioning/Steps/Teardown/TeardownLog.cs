using Microsoft.Extensions.Logging;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>Each teardown step's ending: log what it deleted, return it.</summary>
internal static class TeardownLog
{
    public static TeardownResult Report(ILogger logger, ProvisioningPlan plan, DeletionLog log)
    {
        foreach (var deleted in log.Deleted)
        {
            logger.LogInformation("Teardown of {ProvisioningId} deleted {ResourceType} {ResourceId}", plan.ProvisioningId, deleted.Type, deleted.Id);
        }

        return new TeardownResult(log.Deleted);
    }
}
