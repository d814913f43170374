using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>
/// JSONata states (AWS "Transforming data with JSONata in Step Functions"): Arguments and Output replace the
/// five JSONPath fields, <c>{% … %}</c> strings are expressions, <c>$states</c> holds input, result,
/// errorOutput and context, and a failed expression is States.QueryEvaluationError.
/// </summary>
public sealed class JsonataStateTests
{
    private const string Lambda = "arn:aws:lambda:us-east-1:123456789012:function:f";

    private static string Jsonata(string states, string startAt = "A") =>
        "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"" + startAt + "\",\"States\":{" + states + "}}";

    [Fact]
    public async Task Pass_Output_is_evaluated_against_states_input()
    {
        var machine = new Machine(Jsonata("""
            "A":{"Type":"Pass","Output":{"sum":"{% $states.input.a + $states.input.b %}","fixed":"x"},"End":true}
            """));

        JsonAssert.Equal("""{"sum":5,"fixed":"x"}""", await machine.OutputAsync("""{"a":2,"b":3}"""));
    }

    [Fact]
    public async Task Without_Output_a_Pass_state_outputs_its_input()
    {
        var machine = new Machine(Jsonata(""" "A":{"Type":"Pass","End":true} """));

        JsonAssert.Equal("""{"k":[1,2]}""", await machine.OutputAsync("""{"k":[1,2]}"""));
    }

    [Fact]
    public async Task A_whole_field_expression_may_yield_any_JSON_value()
    {
        var machine = new Machine(Jsonata(""" "A":{"Type":"Pass","Output":"{% $count($states.input.items) %}","End":true} """));

        JsonAssert.Equal("3", await machine.OutputAsync("""{"items":[1,2,3]}"""));
    }

    [Fact]
    public async Task Only_a_string_that_starts_with_the_delimiters_exactly_is_an_expression()
    {
        var machine = new Machine(Jsonata("""
            "A":{"Type":"Pass","Output":{"spaced":" {% 1 %} ","jsonpath":"$.a","intrinsic":"States.Format('x')"},"End":true}
            """));

        JsonAssert.Equal("""{"spaced":" {% 1 %} ","jsonpath":"$.a","intrinsic":"States.Format('x')"}""", await machine.OutputAsync("""{"a":1}"""));
    }

    [Fact]
    public async Task Task_Arguments_are_what_the_resource_receives()
    {
        var machine = new Machine(Jsonata($$"""
            "A":{"Type":"Task","Resource":"{{Lambda}}","Arguments":{"id":"{% $states.input.order.id %}","n":1},"End":true}
            """));
        machine.Tasks.Echoes(Lambda);

        await machine.OutputAsync("""{"order":{"id":"o-1"}}""");

        JsonAssert.Equal("""{"id":"o-1","n":1}""", machine.Tasks.Invocations.Single().Input);
    }

    [Fact]
    public async Task Without_Arguments_a_task_receives_the_state_input()
    {
        var machine = new Machine(Jsonata($$""" "A":{"Type":"Task","Resource":"{{Lambda}}","End":true} """));
        machine.Tasks.Echoes(Lambda);

        await machine.OutputAsync("""{"v":7}""");

        JsonAssert.Equal("""{"v":7}""", machine.Tasks.Invocations.Single().Input);
    }

    [Fact]
    public async Task Task_Output_reads_the_result_as_states_result_and_defaults_to_it()
    {
        var shaped = new Machine(Jsonata($$"""
            "A":{"Type":"Task","Resource":"{{Lambda}}","Output":{"got":"{% $states.result.value %}","was":"{% $states.input.v %}"},"End":true}
            """));
        shaped.Tasks.Returns(Lambda, JsonNode.Parse("""{"value":42}"""));
        var plain = new Machine(Jsonata($$""" "A":{"Type":"Task","Resource":"{{Lambda}}","End":true} """));
        plain.Tasks.Returns(Lambda, JsonNode.Parse("""{"value":42}"""));

        JsonAssert.Equal("""{"got":42,"was":1}""", await shaped.OutputAsync("""{"v":1}"""));
        JsonAssert.Equal("""{"value":42}""", await plain.OutputAsync("""{"v":1}"""));
    }

    [Fact]
    public async Task States_context_is_the_context_object()
    {
        var machine = new Machine(Jsonata("""
            "A":{"Type":"Pass","Output":{"state":"{% $states.context.State.Name %}","execution":"{% $states.context.Execution.Name %}"},"End":true}
            """));

        JsonAssert.Equal("""{"state":"A","execution":"test-execution"}""", await machine.OutputAsync());
    }

    [Fact]
    public async Task An_expression_that_returns_nothing_fails_with_QueryEvaluationError_naming_the_field()
    {
        var machine = new Machine(Jsonata(""" "A":{"Type":"Pass","Output":{"v":"{% $states.input.absent %}"},"End":true} """));

        var result = await machine.RunAsync("""{}""");

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("States.QueryEvaluationError", result.Error);
        Assert.Equal(
            "An error occurred while executing the state 'A' (entered at the event id #2). The JSONata expression '$states.input.absent' specified for the field 'Output/v' returned nothing (undefined).",
            result.Cause);
    }

    [Fact]
    public async Task A_failed_expression_writes_an_EvaluationFailed_event_with_its_location()
    {
        var machine = new Machine(Jsonata(""" "A":{"Type":"Pass","Output":{"a":[1,"{% $nope %}"]},"End":true} """));

        var result = await machine.RunAsync();

        var failed = result.History.Single(e => e.Type == HistoryEventTypes.EvaluationFailed);
        Assert.Equal("Output/a[1]", failed.Details!["location"]!.GetValue<string>());
        Assert.Equal("A", failed.Details["state"]!.GetValue<string>());
        Assert.Equal("States.QueryEvaluationError", failed.Details["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_JSONata_evaluation_error_is_a_QueryEvaluationError_that_quotes_the_JSONata_error()
    {
        var machine = new Machine(Jsonata(""" "A":{"Type":"Pass","Output":"{% $states.input.s + 1 %}","End":true} """));

        var result = await machine.RunAsync("""{"s":"text"}""");

        Assert.Equal("States.QueryEvaluationError", result.Error);
        Assert.Contains("specified for the field 'Output' threw an error during evaluation. T2001:", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryEvaluationError_can_be_caught()
    {
        var machine = new Machine(Jsonata($$"""
            "A":{"Type":"Task","Resource":"{{Lambda}}","Output":"{% $states.result.missing %}","Catch":[{"ErrorEquals":["States.QueryEvaluationError"],"Next":"B"}],"End":true},
            "B":{"Type":"Pass","Output":"{% $states.input.Error %}","End":true}
            """));
        machine.Tasks.Returns(Lambda, JsonNode.Parse("{}"));

        JsonAssert.Equal("\"States.QueryEvaluationError\"", await machine.OutputAsync());
    }

    [Fact]
    public async Task QueryEvaluationError_can_be_retried()
    {
        var machine = new Machine(Jsonata($$"""
            "A":{"Type":"Task","Resource":"{{Lambda}}","Output":"{% $states.result.v %}",
                 "Retry":[{"ErrorEquals":["States.QueryEvaluationError"],"MaxAttempts":2}],"End":true}
            """));
        machine.Tasks.Sequence(Lambda, TaskOutcome.Success(JsonNode.Parse("{}")), TaskOutcome.Success(JsonNode.Parse("""{"v":"second"}""")));

        JsonAssert.Equal("\"second\"", await machine.OutputAsync());
    }

    [Fact]
    public async Task A_null_result_is_a_value_not_nothing()
    {
        var machine = new Machine(Jsonata(""" "A":{"Type":"Pass","Output":{"v":"{% $states.input.bar %}"},"End":true} """));

        JsonAssert.Equal("""{"v":null}""", await machine.OutputAsync("""{"bar":null}"""));
    }

    [Fact]
    public async Task Non_finite_numbers_become_the_strings_JavaScript_names_them_by()
    {
        var machine = new Machine(Jsonata(""" "A":{"Type":"Pass","Output":{"inf":"{% 1/0 %}","list":"{% [0/0] %}"},"End":true} """));

        JsonAssert.Equal("""{"inf":"Infinity","list":["NaN"]}""", await machine.OutputAsync());
    }

    [Fact]
    public async Task Choice_Condition_picks_the_first_rule_that_holds()
    {
        var machine = new Machine(Jsonata("""
            "A":{"Type":"Choice","Choices":[
                   {"Condition":"{% $states.input.n > 10 %}","Next":"Big"},
                   {"Condition":"{% $states.input.n > 1 %}","Next":"Medium"}],"Default":"Small"},
            "Big":{"Type":"Pass","Output":"big","End":true},
            "Medium":{"Type":"Pass","Output":"medium","End":true},
            "Small":{"Type":"Pass","Output":"small","End":true}
            """));

        JsonAssert.Equal("\"medium\"", await machine.OutputAsync("""{"n":5}"""));
        JsonAssert.Equal("\"small\"", await machine.OutputAsync("""{"n":0}"""));
    }

    [Fact]
    public async Task A_matched_Choice_rule_Output_replaces_the_state_Output()
    {
        var machine = new Machine(Jsonata("""
            "A":{"Type":"Choice","Output":"state","Default":"End",
                 "Choices":[{"Condition":"{% $states.input.go %}","Output":"{% 'rule:' & $states.input.name %}","Next":"End"}]},
            "End":{"Type":"Succeed"}
            """));

        JsonAssert.Equal("\"rule:n\"", await machine.OutputAsync("""{"go":true,"name":"n"}"""));
        JsonAssert.Equal("\"state\"", await machine.OutputAsync("""{"go":false,"name":"n"}"""));
    }

    [Fact]
    public async Task A_Condition_that_is_not_boolean_fails_the_state()
    {
        var machine = new Machine(Jsonata("""
            "A":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.n %}","Next":"B"}],"Default":"B"},
            "B":{"Type":"Succeed"}
            """));

        var result = await machine.RunAsync("""{"n":3}""");

        Assert.Equal("States.QueryEvaluationError", result.Error);
        Assert.Contains("specified for the field 'Choices[0]/Condition' returned an unexpected result type. Expected 'boolean'", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_iterates_Items_and_builds_each_input_with_ItemSelector()
    {
        var machine = new Machine(Jsonata("""
            "A":{"Type":"Map","Items":"{% $states.input.list %}",
                 "ItemSelector":{"value":"{% $states.context.Map.Item.Value %}","index":"{% $states.context.Map.Item.Index %}","tag":"{% $states.input.tag %}"},
                 "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% $states.input.tag & $string($states.input.value * 10) & '@' & $string($states.input.index) %}","End":true}}},
                 "End":true}
            """));

        JsonAssert.Equal("""["t10@0","t20@1"]""", await machine.OutputAsync("""{"list":[1,2],"tag":"t"}"""));
    }

    [Fact]
    public async Task Map_without_Items_iterates_its_input()
    {
        var machine = new Machine(Jsonata("""
            "A":{"Type":"Map","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% $states.input * 2 %}","End":true}}},"End":true}
            """));

        JsonAssert.Equal("[2,4,6]", await machine.OutputAsync("[1,2,3]"));
    }

    [Fact]
    public async Task Map_Items_that_are_not_an_array_fail_with_QueryEvaluationError()
    {
        var machine = new Machine(Jsonata("""
            "A":{"Type":"Map","Items":"{% $states.input.list %}","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}
            """));

        var result = await machine.RunAsync("""{"list":{"not":"array"}}""");

        Assert.Equal("States.QueryEvaluationError", result.Error);
        Assert.Contains("field 'Items' returned an unexpected result type. Expected 'array', but was 'object'", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_MaxConcurrency_may_be_an_expression()
    {
        var machine = new Machine(Jsonata("""
            "A":{"Type":"Map","Items":[1,2,3],"MaxConcurrency":"{% $states.input.limit %}",
                 "ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"End":true}}},"End":true}
            """));

        var result = await machine.RunAsync("""{"limit":1}""");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), result.Duration);
    }

    [Fact]
    public async Task Parallel_Arguments_are_every_branch_input_and_Output_shapes_the_branch_results()
    {
        var machine = new Machine(Jsonata("""
            "A":{"Type":"Parallel","Arguments":{"x":"{% $states.input.x %}"},
                 "Branches":[
                   {"StartAt":"B1","States":{"B1":{"Type":"Pass","Output":"{% $states.input.x + 1 %}","End":true}}},
                   {"StartAt":"B2","States":{"B2":{"Type":"Pass","Output":"{% $states.input.x + 2 %}","End":true}}}],
                 "Output":{"sum":"{% $sum($states.result) %}"},"End":true}
            """));

        JsonAssert.Equal("""{"sum":23}""", await machine.OutputAsync("""{"x":10,"other":true}"""));
    }

    [Fact]
    public async Task Wait_Seconds_may_be_an_expression()
    {
        var machine = new Machine(Jsonata(""" "A":{"Type":"Wait","Seconds":"{% $states.input.delay * 2 %}","End":true} """));

        var result = await machine.RunAsync("""{"delay":30}""");

        Assert.Equal(TimeSpan.FromSeconds(60), result.Duration);
    }

    [Fact]
    public async Task Wait_Timestamp_may_be_an_expression()
    {
        var machine = new Machine(Jsonata(""" "A":{"Type":"Wait","Timestamp":"{% $states.input.until %}","End":true} """));

        var result = await machine.RunAsync("""{"until":"2024-01-01T00:05:00Z"}""");

        Assert.Equal(TimeSpan.FromMinutes(5), result.Duration);
    }

    [Fact]
    public async Task Fail_Error_and_Cause_may_be_expressions()
    {
        var machine = new Machine(Jsonata("""
            "A":{"Type":"Fail","Error":"{% 'Order.' & $states.input.kind %}","Cause":"{% 'order ' & $states.input.id & ' failed' %}"}
            """));

        var result = await machine.RunAsync("""{"kind":"Rejected","id":"o-9"}""");

        Assert.Equal("Order.Rejected", result.Error);
        Assert.Equal("order o-9 failed", result.Cause);
    }

    [Fact]
    public async Task A_JSONata_Catcher_Output_defaults_to_the_error_output()
    {
        var machine = new Machine(Jsonata($$"""
            "A":{"Type":"Task","Resource":"{{Lambda}}","Catch":[{"ErrorEquals":["States.ALL"],"Next":"B"}],"End":true},
            "B":{"Type":"Succeed"}
            """));
        machine.Tasks.Fails(Lambda, "Boom", "it broke");

        JsonAssert.Equal("""{"Error":"Boom","Cause":"it broke"}""", await machine.OutputAsync("""{"in":1}"""));
    }

    [Fact]
    public async Task A_JSONata_Catcher_Output_reads_states_errorOutput_and_the_state_input()
    {
        var machine = new Machine(Jsonata($$"""
            "A":{"Type":"Task","Resource":"{{Lambda}}",
                 "Catch":[{"ErrorEquals":["States.ALL"],"Output":{"error":"{% $states.errorOutput.Error %}","input":"{% $states.input %}"},"Next":"B"}],"End":true},
            "B":{"Type":"Succeed"}
            """));
        machine.Tasks.Fails(Lambda, "Boom", "it broke");

        JsonAssert.Equal("""{"error":"Boom","input":{"in":1}}""", await machine.OutputAsync("""{"in":1}"""));
    }

    [Fact]
    public async Task Task_TimeoutSeconds_may_be_an_expression()
    {
        var machine = new Machine(Jsonata($$""" "A":{"Type":"Task","Resource":"{{Lambda}}","TimeoutSeconds":"{% $states.input.limit %}","End":true} """));
        machine.Tasks.On(Lambda, async (_, token) =>
        {
            await machine.Clock.Delay(TimeSpan.FromSeconds(100), token);
            return TaskOutcome.Success(null);
        });

        var result = await machine.RunAsync("""{"limit":5}""");

        Assert.Equal("States.Timeout", result.Error);
        Assert.Equal(TimeSpan.FromSeconds(5), result.Duration);
    }

    [Fact]
    public async Task A_state_inside_a_Map_follows_the_machine_language_not_the_Map_state()
    {
        var machine = new Machine("""
            {"StartAt":"M","States":{"M":{"Type":"Map","QueryLanguage":"JSONata","Items":"{% $states.input.list %}",
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"v.$":"$"},"End":true}}},"End":true}}}
            """);

        JsonAssert.Equal("""[{"v":1},{"v":2}]""", await machine.OutputAsync("""{"list":[1,2]}"""));
    }

    [Fact]
    public async Task A_JSONPath_machine_may_run_one_JSONata_state()
    {
        var machine = new Machine("""
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Parameters":{"n.$":"$.n"},"Next":"B"},
              "B":{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% $states.input.n * 3 %}","End":true}}}
            """);

        JsonAssert.Equal("6", await machine.OutputAsync("""{"n":2}"""));
    }

    [Fact]
    public async Task The_JSONata_functions_Step_Functions_adds_are_available()
    {
        var machine = new Machine(Jsonata("""
            "A":{"Type":"Pass","Output":{"parts":"{% $partition([1,2,3,4,5], 2) %}","range":"{% $range(0, 6, 2) %}",
                 "hash":"{% $hash('hello', 'SHA-256') %}","parsed":"{% $parse('{\"a\":1}') %}"},"End":true}
            """));

        JsonAssert.Equal(
            """{"parts":[[1,2],[3,4],[5]],"range":[0,2,4,6],"hash":"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824","parsed":{"a":1}}""",
            await machine.OutputAsync());
    }

    [Fact]
    public async Task Now_reads_the_execution_clock()
    {
        var machine = new Machine(Jsonata("""
            "A":{"Type":"Wait","Seconds":90,"Next":"B"},
            "B":{"Type":"Pass","Output":"{% $now() %}","End":true}
            """));

        JsonAssert.Equal("\"2024-01-01T00:01:30.000Z\"", await machine.OutputAsync());
    }
}
