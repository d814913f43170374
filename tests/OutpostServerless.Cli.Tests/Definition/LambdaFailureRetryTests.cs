using System.Text.Json.Nodes;
using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.Workflow;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Tests.Definition;

/// <summary>
/// A step whose Lambda function timed out or crashed before doing anything is retried by the real
/// definition and the provisioning still succeeds, under each name Step Functions gives the failure.
/// </summary>
public sealed class LambdaFailureRetryTests
{
    private static readonly LocalWorkflow Workflow = new(SamTemplate.Load(RepositoryFiles.Template, new SamEnvironment("us-west-2", "123456789012")));

    [Theory]
    [InlineData("EnsureEgress", "Sandbox.Timedout")]
    [InlineData("LaunchContainerInstances", "Sandbox.Timedout")]
    [InlineData("StartWorkload", "Runtime.ExitError")]
    [InlineData("CheckCapacity", "Runtime.ExitError")]
    public async Task A_step_that_timed_out_or_exited_is_retried_and_the_provisioning_succeeds(string state, string error)
    {
        var clock = new VirtualClock(LocalWorkflow.DefaultStart);
        var cloud = new EmulatedCloud(clock);
        var failed = 0;

        var result = await Workflow.ExecuteAsync(new LocalExecution
        {
            Cloud = cloud,
            Clock = clock,
            Request = JsonNode.Parse(File.ReadAllText(RepositoryFiles.Example("batch-task.json"))),
            ExecutionName = "timed-out-step",
            Jitter = new Random(7),
            WrapInvoker = inner => new FailingOnce(inner, state, error, () => failed++),
        }, CancellationToken.None);

        Assert.Equal(1, failed);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
    }

    /// <summary>The first invocation of one state fails as Lambda reports a timeout or a runtime exit, before the function runs.</summary>
    private sealed class FailingOnce(ITaskInvoker inner, string state, string error, Action failed) : ITaskInvoker
    {
        private bool _done;

        public Task<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
        {
            if (_done || invocation.StateName != state)
            {
                return inner.InvokeAsync(invocation, cancellationToken);
            }

            _done = true;
            failed();
            return Task.FromResult(TaskOutcome.FunctionError(error, $"RequestId: 1 Error: {error}"));
        }
    }
}
