using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>Spec "Fallback states": catchers in order, after retries, with the Error Output placed by ResultPath.</summary>
public sealed class CatchTests
{
    private const string Fn = "arn:aws:lambda:us-east-1:123456789012:function:fn";

    [Fact]
    public async Task A_caught_error_sends_the_Error_Output_to_the_catchers_Next()
    {
        var machine = new Machine(Catching("""{"ErrorEquals":["States.ALL"],"Next":"Handler"}"""));
        machine.Tasks.Fails(Fn, "VpcLimitExceeded", "The maximum number of VPCs has been reached.");

        var output = await machine.OutputAsync("""{"input":1}""");

        JsonAssert.Equal("""{"Error":"VpcLimitExceeded","Cause":"The maximum number of VPCs has been reached."}""", output);
    }

    [Fact]
    public async Task Catch_ResultPath_places_the_Error_Output_in_the_raw_input()
    {
        var machine = new Machine(Catching("""{"ErrorEquals":["States.ALL"],"ResultPath":"$.failure","Next":"Handler"}"""));
        machine.Tasks.Fails(Fn, "Boom", "bad");

        var output = await machine.OutputAsync("""{"input":1}""");

        JsonAssert.Equal("""{"input":1,"failure":{"Error":"Boom","Cause":"bad"}}""", output);
    }

    [Fact]
    public async Task Catch_output_skips_the_states_OutputPath()
    {
        var machine = new Machine(Catching("""{"ErrorEquals":["States.ALL"],"ResultPath":"$.failure","Next":"Handler"}""", "\"OutputPath\":\"$.nothing\","));
        machine.Tasks.Fails(Fn, "Boom", "bad");

        var output = await machine.OutputAsync("""{"input":1}""");

        JsonAssert.Equal("""{"input":1,"failure":{"Error":"Boom","Cause":"bad"}}""", output);
    }

    [Fact]
    public async Task Catchers_are_tried_in_order_and_the_first_match_wins()
    {
        var machine = new Machine($$"""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"{{Fn}}","End":true,"Catch":[
                {"ErrorEquals":["Other"],"Next":"A"},
                {"ErrorEquals":["Boom","Other2"],"Next":"B"},
                {"ErrorEquals":["States.ALL"],"Next":"C"}]},
              "A":{"Type":"Pass","Result":"A","End":true},
              "B":{"Type":"Pass","Result":"B","End":true},
              "C":{"Type":"Pass","Result":"C","End":true} } }
            """);
        machine.Tasks.Fails(Fn, "Boom");

        JsonAssert.Equal("\"B\"", await machine.OutputAsync());
    }

    [Fact]
    public async Task Catch_applies_only_once_retries_are_exhausted()
    {
        var machine = new Machine($$"""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"{{Fn}}","End":true,
                   "Retry":[{"ErrorEquals":["Boom"],"MaxAttempts":2}],
                   "Catch":[{"ErrorEquals":["Boom"],"Next":"Handler"}]},
              "Handler":{"Type":"Pass","End":true} } }
            """);
        machine.Tasks.Fails(Fn, "Boom");

        var result = await machine.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(3, machine.Tasks.Invocations.Count);
    }

    [Fact]
    public async Task States_ALL_does_not_catch_the_terminal_States_Runtime()
    {
        var machine = new Machine(Catching("""{"ErrorEquals":["States.ALL"],"Next":"Handler"}""", "\"ResultSelector\":{\"x.$\":\"$.absent\"},"));
        machine.Tasks.Returns(Fn, JsonNode.Parse("{}"));

        var result = await machine.RunAsync();

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrorNames.Runtime, result.Error);
    }

    [Fact]
    public async Task An_uncaught_task_error_fails_the_execution_with_that_error_and_cause()
    {
        var machine = new Machine(Catching("""{"ErrorEquals":["SomethingElse"],"Next":"Handler"}"""));
        machine.Tasks.Fails(Fn, "Boom", "bad");

        var result = await machine.RunAsync();

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("Boom", result.Error);
        Assert.Equal("bad", result.Cause);
    }

    [Fact]
    public async Task A_caught_state_exits_with_the_catcher_output_before_the_handler_is_entered()
    {
        var machine = new Machine(Catching("""{"ErrorEquals":["States.ALL"],"Next":"Handler"}"""));
        machine.Tasks.Fails(Fn, "Boom", "bad");

        var result = await machine.RunAsync();

        var types = result.History.Select(e => e.Type).ToList();
        Assert.Equal(
            [HistoryEventTypes.LambdaFunctionFailed, HistoryEventTypes.TaskStateExited, HistoryEventTypes.PassStateEntered],
            types.SkipWhile(t => t != HistoryEventTypes.LambdaFunctionFailed).Take(3));
    }

    private static string Catching(string catcher, string extraFields = "") => $$"""
        {"StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"{{Fn}}",{{extraFields}}"Catch":[{{catcher}}],"End":true},
          "Handler":{"Type":"Pass","End":true} } }
        """;
}
