using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.StepFunctions;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Tests.Serve;

/// <summary>StartExecution and DescribeExecution over the template's state machine, with Step Functions' rules.</summary>
public sealed class LocalStepFunctionsTests
{
    private static readonly SamTemplate Template = SamTemplate.Load(RepositoryFiles.Template, new SamEnvironment("us-west-2", "123456789012"));
    private static readonly string MachineArn = Template.StateMachines["ProvisionStateMachine"].Arn;

    [Fact]
    public async Task The_same_name_and_input_while_running_is_the_same_execution()
    {
        await using var stepFunctions = await LocalStepFunctions.OpenAsync(Template, stateFile: null, CancellationToken.None);
        using var hold = ((VirtualClock)stepFunctions.Clock).Hold();
        var first = stepFunctions.StartExecution(MachineArn, "run-1", ServedApi.Example("batch-task.json"));

        var again = stepFunctions.StartExecution(MachineArn, "run-1", ServedApi.Example("batch-task.json"));

        Assert.Equal((first.ExecutionArn, first.StartDate), (again.ExecutionArn, again.StartDate));
        Assert.Single(stepFunctions.Executions);
    }

    [Fact]
    public async Task The_same_name_with_another_input_is_ExecutionAlreadyExists()
    {
        await using var stepFunctions = await LocalStepFunctions.OpenAsync(Template, stateFile: null, CancellationToken.None);
        using var hold = ((VirtualClock)stepFunctions.Clock).Hold();
        stepFunctions.StartExecution(MachineArn, "run-1", ServedApi.Example("batch-task.json"));

        var refused = Assert.Throws<StepFunctionsException>(() => stepFunctions.StartExecution(MachineArn, "run-1", ServedApi.Example("web-service.json")));

        Assert.Equal("ExecutionAlreadyExists", refused.ErrorCode);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("slash/name")]
    [InlineData("")]
    [InlineData("a-name-that-is-eighty-one-characters-long-which-is-one-more-than-step-functions-ok")]
    public async Task A_name_Step_Functions_refuses_is_InvalidName(string name)
    {
        await using var stepFunctions = await LocalStepFunctions.OpenAsync(Template, stateFile: null, CancellationToken.None);

        var refused = Assert.Throws<StepFunctionsException>(() => stepFunctions.StartExecution(MachineArn, name, new JsonObject()));

        Assert.Equal("InvalidName", refused.ErrorCode);
    }

    [Fact]
    public async Task An_unknown_state_machine_is_StateMachineDoesNotExist()
    {
        await using var stepFunctions = await LocalStepFunctions.OpenAsync(Template, stateFile: null, CancellationToken.None);

        var refused = Assert.Throws<StepFunctionsException>(() => stepFunctions.StartExecution(MachineArn + "-other", null, new JsonObject()));

        Assert.Equal("StateMachineDoesNotExist", refused.ErrorCode);
    }

    [Fact]
    public async Task An_execution_without_a_name_gets_a_UUID()
    {
        await using var stepFunctions = await LocalStepFunctions.OpenAsync(Template, stateFile: null, CancellationToken.None);

        var started = stepFunctions.StartExecution(MachineArn, null, ServedApi.Example("batch-task.json"));

        Assert.True(Guid.TryParse(started.Name, out _), started.Name);
    }

    [Fact]
    public async Task A_state_file_keeps_the_world_for_the_next_session()
    {
        var stateFile = Path.Combine(Path.GetTempPath(), $"outpost-serverless-{Guid.NewGuid():N}.json");
        try
        {
            await using (var first = await LocalStepFunctions.OpenAsync(Template, stateFile, CancellationToken.None))
            {
                var started = first.StartExecution(MachineArn, "first", ServedApi.Example("batch-task.json"));
                await first.WhenStoppedAsync(started.ExecutionArn, CancellationToken.None);
            }

            await using var second = await LocalStepFunctions.OpenAsync(Template, stateFile, CancellationToken.None);

            Assert.NotEmpty(second.Cloud.ResourcesTagged(OutpostServerless.Provisioning.Tagging.ProvisioningTags.ProvisioningIdKey, "nightly-reconcile"));
        }
        finally
        {
            File.Delete(stateFile);
        }
    }
}
