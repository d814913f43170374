using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

public sealed class TerminalStateTests
{
    [Fact]
    public async Task Succeed_ends_the_execution_successfully_with_its_filtered_input()
    {
        var machine = new Machine("""{"StartAt":"S","States":{"S":{"Type":"Succeed","InputPath":"$.a","OutputPath":"$.b"}}}""");

        var result = await machine.RunAsync("""{"a":{"b":"done"}}""");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        JsonAssert.Equal("\"done\"", result.Output);
        Assert.Contains(result.History, e => e.Type == HistoryEventTypes.SucceedStateExited);
    }

    [Fact]
    public async Task Fail_ends_the_execution_with_its_Error_and_Cause()
    {
        var machine = new Machine("""{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Provisioning.CapacityUnavailable","Cause":"no slots"}}}""");

        var result = await machine.RunAsync();

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("Provisioning.CapacityUnavailable", result.Error);
        Assert.Equal("no slots", result.Cause);
        Assert.Equal([HistoryEventTypes.ExecutionStarted, HistoryEventTypes.FailStateEntered, HistoryEventTypes.ExecutionFailed], result.History.Select(e => e.Type));
    }

    [Fact]
    public async Task Fail_without_Error_or_Cause_fails_the_execution_without_them()
    {
        var machine = new Machine("""{"StartAt":"F","States":{"F":{"Type":"Fail"}}}""");

        var result = await machine.RunAsync();

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Null(result.Error);
        Assert.Null(result.Cause);
        Assert.False(result.History[^1].Details!.ContainsKey("error"));
    }

    [Fact]
    public async Task Fail_ErrorPath_and_CausePath_read_the_input_or_an_intrinsic()
    {
        var machine = new Machine("""
            {"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.failure.Error",
              "CausePath":"States.Format('step {} failed: {}', $.step, $.failure.Cause)"}}}
            """);

        var result = await machine.RunAsync("""{"step":"EnsureVpc","failure":{"Error":"VpcLimitExceeded","Cause":"too many"}}""");

        Assert.Equal("VpcLimitExceeded", result.Error);
        Assert.Equal("step EnsureVpc failed: too many", result.Cause);
    }

    [Fact]
    public async Task Fail_ErrorPath_that_selects_a_non_string_fails_with_States_Runtime()
    {
        var machine = new Machine("""{"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.code"}}}""");

        var result = await machine.RunAsync("""{"code":42}""");

        Assert.Equal(StatesErrorNames.Runtime, result.Error);
    }
}
