using OutpostServerless.Cli.Sam;
using OutpostServerless.Cli.StateFiles;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Local;

/// <summary>
/// <c>teardown &lt;provisioningId&gt;</c> locally: the template's teardown state machine and functions on the
/// local engine, given the provisioning's last applied request from the state file's executions, on that world.
/// </summary>
public sealed class LocalTeardown(SamTemplate template)
{
    private readonly LocalWorkflow workflow = new(template, LocalWorkflow.TeardownStateMachine);

    /// <exception cref="UnknownProvisioningException">No provision execution for the id is recorded in the state file.</exception>
    /// <exception cref="StateFileException">The state file is held by another command, or cannot be read or written.</exception>
    public async Task<LocalRunResult> RunAsync(string provisioningId, string? stateFilePath, Action<HistoryEvent>? observer, CancellationToken cancellationToken)
    {
        if (stateFilePath is null)
        {
            throw new UnknownProvisioningException(provisioningId, null);
        }

        await using var stateFile = await StateFile.OpenAsync(stateFilePath, "teardown", cancellationToken);
        var request = ProvisioningHistory.Of(stateFile, provisioningId).LastAppliedRequest
            ?? throw new UnknownProvisioningException(provisioningId, stateFile.Path);
        var settings = new LocalRunSettings
        {
            Request = request,
            ExecutionName = $"{provisioningId}-teardown-{stateFile.Executions.Count + 1}",
            StateFile = stateFile.Path,
            Command = "teardown",
        };
        return await workflow.RunAsync(stateFile, settings, observer, cancellationToken);
    }
}
