namespace OutpostServerless.StateMachine;

/// <summary>
/// Answers Task states from a MockConfigFile test case, as AWS Step Functions Local does: attempt n of a
/// state (0 for the first try, then one per retry; each visit of the state starts again at 0) gets the
/// response keyed n — as LocalStack's and Floci's SFN-Local-compatible mocks key it, Floci's checked
/// against Step Functions Local 2.0.0. A mocked task never reaches <paramref name="unmocked"/>. A Task state the test case
/// does not mock goes to <paramref name="unmocked"/> when given (SFN Local's "HybridPath"); without one it
/// fails the execution with States.Runtime naming the state, as does running out of mocked responses.
/// </summary>
public sealed class MockedTaskInvoker(MockTestCase testCase, ITaskInvoker? unmocked = null) : ITaskInvoker
{
    public Task<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (!testCase.States.TryGetValue(invocation.StateName, out var responses))
        {
            return unmocked is not null
                ? unmocked.InvokeAsync(invocation, cancellationToken)
                : Task.FromResult(TaskOutcome.Failure(
                    StatesErrorNames.Runtime,
                    $"The Task state '{invocation.StateName}' has no mocked response in test case '{testCase.Name}' of state machine '{testCase.StateMachine}' (MockConfigFile)."));
        }

        var number = invocation.RetryCount;
        var response = responses.For(number);
        return Task.FromResult(response is null
            ? TaskOutcome.Failure(
                StatesErrorNames.Runtime,
                $"The Task state '{invocation.StateName}' has no mocked response for attempt {number} in test case '{testCase.Name}' ('{responses.ResponseName}' covers attempts 0 to {responses.Count - 1}).")
            : response.Outcome());
    }
}
