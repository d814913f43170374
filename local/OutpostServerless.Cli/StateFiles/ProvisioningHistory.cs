using System.Text.Json.Nodes;
using OutpostServerless.Cli.Local;

namespace OutpostServerless.Cli.StateFiles;

/// <summary>
/// One provisioning's executions in a state file, newest first, and what they say: its last applied request is
/// the input of its newest SUCCEEDED provision execution (else of its newest attempt, whose resources may remain).
/// </summary>
public sealed record ProvisioningHistory(string ProvisioningId, IReadOnlyList<LocalExecutionRecord> Executions)
{
    public static ProvisioningHistory Of(StateFile file, string provisioningId) => new(
        provisioningId,
        [.. file.Executions.Where(e => e.ProvisioningId == provisioningId).Reverse()]);

    /// <summary>True when some provision execution ran for this id.</summary>
    public bool IsKnown => Provisions.Any();

    public LocalExecutionRecord? LastApplied =>
        Provisions.FirstOrDefault(e => e.Status == "SUCCEEDED") ?? Provisions.FirstOrDefault();

    /// <summary>The last applied request, with its provisioning id written in (it may have come from the execution name).</summary>
    public JsonObject? LastAppliedRequest
    {
        get
        {
            if (LastApplied?.Input?.DeepClone() is not JsonObject request)
            {
                return null;
            }

            request["provisioningId"] = ProvisioningId;
            return request;
        }
    }

    /// <summary>True when a teardown succeeded after the last provision execution.</summary>
    public bool IsTornDown =>
        Executions.Count > 0 && Executions[0] is { StateMachine: LocalWorkflow.TeardownStateMachine, Status: "SUCCEEDED" };

    private IEnumerable<LocalExecutionRecord> Provisions => Executions.Where(e => e.StateMachine == LocalWorkflow.ProvisionStateMachine);
}
