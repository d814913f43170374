using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.States;

/// <summary>What runs a Task state when no mock answers it on the command line: nothing, so the execution fails naming the state.</summary>
internal sealed class UnmockedTaskInvoker : ITaskInvoker
{
    public Task<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) =>
        Task.FromResult(TaskOutcome.Failure(
            StatesErrorNames.Runtime,
            $"The Task state '{invocation.StateName}' ({invocation.Resource}) has nothing to run it: pass --mock-config and --test-case with a mocked response for it."));
}
