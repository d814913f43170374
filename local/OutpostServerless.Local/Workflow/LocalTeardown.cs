using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.StateFiles;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.Workflow;

/// <summary>
/// <c>teardown &lt;provisioningId&gt;</c> locally: the template's teardown state machine and functions on the
/// local engine on that world, given <c>{"provisioningId": …}</c> as DELETE /provisionings/{id} gives it: the
/// provisioning's record in the world says what to look for (an unknown id fails with Provisioning.NotFound, touching nothing).
/// </summary>
public sealed class LocalTeardown(SamTemplate template)
{
    private readonly LocalWorkflow workflow = new(template, LocalWorkflow.TeardownStateMachine);

    /// <exception cref="UnknownProvisioningException">No state file: a new world holds no provisioning.</exception>
    /// <exception cref="StateFileException">The state file is held by another command, or cannot be read or written.</exception>
    public async Task<LocalRunResult> RunAsync(string provisioningId, string? stateFilePath, Action<HistoryEvent>? observer, CancellationToken cancellationToken)
    {
        if (stateFilePath is null)
        {
            throw new UnknownProvisioningException(provisioningId, null);
        }

        await using var stateFile = await StateFile.OpenAsync(stateFilePath, "teardown", cancellationToken);
        var settings = new LocalRunSettings
        {
            Request = new JsonObject { ["provisioningId"] = provisioningId },
            ExecutionName = $"{provisioningId}-teardown-{stateFile.Executions.Count + 1}",
            StateFile = stateFile.Path,
            Command = "teardown",
        };
        return await workflow.RunAsync(stateFile, settings, observer, cancellationToken);
    }
}
