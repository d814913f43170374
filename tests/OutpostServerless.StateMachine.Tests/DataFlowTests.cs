using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>Spec "Input and Output Processing": InputPath → Parameters → task → ResultSelector → ResultPath → OutputPath.</summary>
public sealed class DataFlowTests
{
    private const string Fn = "arn:aws:lambda:us-east-1:123456789012:function:fn";

    private static string TaskMachine(string fields) => $$"""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Fn}}",{{fields}}"End":true} } }
        """;

    [Fact]
    public async Task Data_flow_runs_InputPath_Parameters_ResultSelector_ResultPath_OutputPath_in_that_order()
    {
        var machine = new Machine(TaskMachine("""
            "InputPath":"$.order",
            "Parameters":{"id.$":"$.id","fixed":"yes"},
            "ResultSelector":{"total.$":"$.sum"},
            "ResultPath":"$.billing",
            "OutputPath":"$.billing",
            """));
        machine.Tasks.Returns(Fn, JsonNode.Parse("""{"sum":42,"noise":true}"""));

        var output = await machine.OutputAsync("""{"order":{"id":"o-1","lines":3},"other":1}""");

        JsonAssert.Equal("""{"id":"o-1","fixed":"yes"}""", machine.Tasks.Invocations.Single().Input);
        JsonAssert.Equal("""{"total":42}""", output);
    }

    [Fact]
    public async Task InputPath_selects_the_part_of_the_input_the_task_receives()
    {
        var machine = new Machine(TaskMachine("\"InputPath\":\"$.a.b\","));
        machine.Tasks.Echoes(Fn);

        await machine.OutputAsync("""{"a":{"b":{"c":1}},"z":2}""");

        JsonAssert.Equal("""{"c":1}""", machine.Tasks.Invocations.Single().Input);
    }

    [Fact]
    public async Task InputPath_null_gives_the_task_an_empty_object()
    {
        var machine = new Machine(TaskMachine("\"InputPath\":null,"));
        machine.Tasks.Echoes(Fn);

        await machine.OutputAsync("""{"a":1}""");

        JsonAssert.Equal("{}", machine.Tasks.Invocations.Single().Input);
    }

    [Fact]
    public async Task Parameters_keys_ending_in_dot_dollar_take_their_value_from_a_path_at_any_depth()
    {
        var machine = new Machine(TaskMachine("""
            "Parameters":{"outer":{"inner.$":"$.x","list":[{"deep.$":"$.y[1]"}]},"plain.$lookalike":"kept"},
            """));
        machine.Tasks.Echoes(Fn);

        await machine.OutputAsync("""{"x":"X","y":[10,20]}""");

        JsonAssert.Equal("""{"outer":{"inner":"X","list":[{"deep":20}]},"plain.$lookalike":"kept"}""", machine.Tasks.Invocations.Single().Input);
    }

    [Fact]
    public async Task Parameters_read_the_context_object_through_double_dollar_paths()
    {
        var machine = new Machine(TaskMachine("""
            "Parameters":{"execution.$":"$$.Execution.Name","state.$":"$$.State.Name","machine.$":"$$.StateMachine.Name",
                          "input.$":"$$.Execution.Input","id.$":"$$.Execution.Id","role.$":"$$.Execution.RoleArn",
                          "started.$":"$$.Execution.StartTime","entered.$":"$$.State.EnteredTime","retries.$":"$$.State.RetryCount"},
            """));
        machine.Tasks.Echoes(Fn);

        await machine.OutputAsync("""{"k":"v"}""");

        JsonAssert.Equal("""
            {"execution":"test-execution","state":"T","machine":"Test","input":{"k":"v"},
             "id":"arn:aws:states:us-east-1:123456789012:execution:Test:test-execution",
             "role":"arn:aws:iam::123456789012:role/TestRole",
             "started":"2024-01-01T00:00:00.000Z","entered":"2024-01-01T00:00:00.000Z","retries":0}
            """, machine.Tasks.Invocations.Single().Input);
    }

    [Fact]
    public async Task Parameters_evaluate_intrinsic_functions()
    {
        var machine = new Machine(TaskMachine("""
            "Parameters":{"greeting.$":"States.Format('Hello, {}!', $.name)"},
            """));
        machine.Tasks.Echoes(Fn);

        await machine.OutputAsync("""{"name":"Outpost"}""");

        JsonAssert.Equal("""{"greeting":"Hello, Outpost!"}""", machine.Tasks.Invocations.Single().Input);
    }

    [Fact]
    public async Task A_Parameters_path_that_selects_nothing_fails_the_execution_with_States_Runtime_naming_state_and_field()
    {
        var machine = new Machine($$"""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"{{Fn}}","Parameters":{"job.$":"$.JobName"},
                   "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true},
              "Caught":{"Type":"Succeed"} } }
            """);

        var result = await machine.RunAsync("{}");

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrorNames.Runtime, result.Error);
        Assert.Equal(
            "An error occurred while executing the state 'T' (entered at the event id #2). The JSONPath '$.JobName' specified for the field 'job.$' could not be found in the input '{}'",
            result.Cause);
        Assert.Empty(machine.Tasks.Invocations);
    }

    [Fact]
    public async Task ResultSelector_shapes_the_raw_result_before_ResultPath_places_it()
    {
        var machine = new Machine(TaskMachine("""
            "ResultSelector":{"ids.$":"$.items[*].id","count":2},"ResultPath":"$.selected",
            """));
        machine.Tasks.Returns(Fn, JsonNode.Parse("""{"items":[{"id":"a"},{"id":"b"}]}"""));

        var output = await machine.OutputAsync("""{"keep":true}""");

        JsonAssert.Equal("""{"keep":true,"selected":{"ids":["a","b"],"count":2}}""", output);
    }

    [Fact]
    public async Task ResultPath_places_the_result_inside_the_raw_input_not_the_InputPath_selection()
    {
        var machine = new Machine(TaskMachine("\"InputPath\":\"$.part\",\"ResultPath\":\"$.result\","));
        machine.Tasks.Returns(Fn, JsonValue.Create("done"));

        var output = await machine.OutputAsync("""{"part":{"p":1},"rest":2}""");

        JsonAssert.Equal("""{"part":{"p":1},"rest":2,"result":"done"}""", output);
    }

    [Fact]
    public async Task ResultPath_dollar_replaces_the_input_with_the_result()
    {
        var machine = new Machine(TaskMachine(string.Empty));
        machine.Tasks.Returns(Fn, JsonNode.Parse("""{"only":"result"}"""));

        var output = await machine.OutputAsync("""{"input":"gone"}""");

        JsonAssert.Equal("""{"only":"result"}""", output);
    }

    [Fact]
    public async Task ResultPath_creates_missing_intermediate_objects()
    {
        var machine = new Machine(TaskMachine("\"ResultPath\":\"$.a.b.c\","));
        machine.Tasks.Returns(Fn, JsonValue.Create(5));

        var output = await machine.OutputAsync("""{"a":{"x":1}}""");

        JsonAssert.Equal("""{"a":{"x":1,"b":{"c":5}}}""", output);
    }

    [Fact]
    public async Task ResultPath_null_discards_the_result_and_keeps_the_input()
    {
        var machine = new Machine(TaskMachine("\"ResultPath\":null,"));
        machine.Tasks.Returns(Fn, JsonNode.Parse("""{"ignored":true}"""));

        var output = await machine.OutputAsync("""{"kept":1}""");

        JsonAssert.Equal("""{"kept":1}""", output);
    }

    [Fact]
    public async Task ResultPath_that_cannot_be_applied_to_the_input_raises_States_ResultPathMatchFailure()
    {
        var machine = new Machine($$"""
            {"StartAt":"MakeString","States":{
              "MakeString":{"Type":"Pass","Result":"foo","Next":"T"},
              "T":{"Type":"Task","Resource":"{{Fn}}","ResultPath":"$.x","End":true} } }
            """);
        machine.Tasks.Returns(Fn, JsonValue.Create(1));

        var result = await machine.RunAsync("{}");

        Assert.Equal(StatesErrorNames.ResultPathMatchFailure, result.Error);
    }

    [Fact]
    public async Task OutputPath_filters_the_combined_output()
    {
        var machine = new Machine(TaskMachine("\"ResultPath\":\"$.r\",\"OutputPath\":\"$.r.value\","));
        machine.Tasks.Returns(Fn, JsonNode.Parse("""{"value":[1,2]}"""));

        var output = await machine.OutputAsync("""{"x":1}""");

        JsonAssert.Equal("[1,2]", output);
    }

    [Fact]
    public async Task OutputPath_null_gives_an_empty_object()
    {
        var machine = new Machine(TaskMachine("\"OutputPath\":null,"));
        machine.Tasks.Returns(Fn, JsonValue.Create(1));

        var output = await machine.OutputAsync("""{"x":1}""");

        JsonAssert.Equal("{}", output);
    }

    [Fact]
    public async Task An_InputPath_that_selects_nothing_fails_with_States_Runtime()
    {
        var machine = new Machine(TaskMachine("\"InputPath\":\"$.missing\","));

        var result = await machine.RunAsync("""{"x":1}""");

        Assert.Equal(StatesErrorNames.Runtime, result.Error);
        Assert.Contains("Invalid path '$.missing'", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_with_a_wildcard_or_filter_selects_an_array_of_every_match()
    {
        var machine = new Machine("""
            {"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{
              "all.$":"$.items[*].n","big.$":"$.items[?(@.n > 1)].n","none.$":"$.items[*].missing"},"End":true}}}
            """);

        var output = await machine.OutputAsync("""{"items":[{"n":1},{"n":2},{"n":3}]}""");

        JsonAssert.Equal("""{"all":[1,2,3],"big":[2,3],"none":[]}""", output);
    }

    [Fact]
    public async Task An_execution_started_without_input_sees_an_empty_object()
    {
        var machine = new Machine("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");

        var result = await machine.RunAsync((JsonNode?)null);

        JsonAssert.Equal("{}", result.Output);
    }
}
