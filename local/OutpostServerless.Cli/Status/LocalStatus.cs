using Microsoft.Extensions.Logging.Abstractions;
using OutpostServerless.Cli.Local;
using OutpostServerless.Cli.StateFiles;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Steps;

namespace OutpostServerless.Cli.Status;

/// <summary>
/// <c>status &lt;provisioningId&gt;</c> locally: the domain's <see cref="DescribeProvisioning"/> (what an API function
/// runs too) on the state file's world, with the names of the provisioning's last applied request, and the
/// executions the state file recorded for it, and the drift from that request (the domain's <see cref="PlanProvisioning"/>).
/// Reads only: the world is not saved.
/// </summary>
public static class LocalStatus
{
    /// <exception cref="UnknownProvisioningException">The state file recorded no execution for the id.</exception>
    /// <exception cref="StateFileException">The state file is held by another command, or cannot be read.</exception>
    public static async Task<StatusReport> ReadAsync(string provisioningId, string? stateFilePath, CancellationToken cancellationToken)
    {
        if (stateFilePath is null)
        {
            throw new UnknownProvisioningException(provisioningId, null);
        }

        await using var stateFile = await StateFile.OpenAsync(stateFilePath, "status", cancellationToken);
        var history = ProvisioningHistory.Of(stateFile, provisioningId);
        var request = history.LastAppliedRequest;
        if (request is null)
        {
            throw new UnknownProvisioningException(provisioningId, stateFile.Path);
        }

        var (cloud, _) = stateFile.LoadOnVirtualClock();
        var plan = new RequestValidator().Validate(request, provisioningId).Plan;
        var resources = plan is null
            ? []
            : (await new DescribeProvisioning(cloud.Ports, NullLogger<DescribeProvisioning>.Instance).RunAsync(new DescribeProvisioningInput(plan), cancellationToken)).Resources;
        var drift = plan is null || history.IsTornDown
            ? []
            : (await new PlanProvisioning(cloud.Ports, NullLogger<PlanProvisioning>.Instance).PlanAsync(plan, cancellationToken)).ChangeSet.Changes.Where(c => c.Action != ChangeAction.NoOp).ToList();
        var newest = history.Executions[0];
        var state = history.IsTornDown ? StatusReport.TornDown : newest.Status == "SUCCEEDED" ? StatusReport.Applied : StatusReport.Failed;
        return new StatusReport(provisioningId, state, history.LastApplied?.Name, request, resources, [.. history.Executions.Select(ExecutionSummary.Of)], drift);
    }
}
