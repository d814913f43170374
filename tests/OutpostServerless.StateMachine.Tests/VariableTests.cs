using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>
/// Workflow variables (States Language "Assign", AWS "Passing data between states with variables"): values
/// are evaluated first and assigned together as the state exits, later states read them as <c>$name</c>,
/// and each Parallel branch and Map iteration has a scope of its own inside the outer one.
/// </summary>
public sealed class VariableTests
{
    private const string Lambda = "arn:aws:lambda:us-east-1:123456789012:function:f";

    [Fact]
    public async Task A_JSONata_Assign_is_read_by_later_states_as_a_variable()
    {
        var machine = new Machine("""
            {"QueryLanguage":"JSONata","StartAt":"A","States":{
              "A":{"Type":"Pass","Assign":{"customer":"{% $states.input.name %}","count":3},"Next":"B"},
              "B":{"Type":"Pass","Output":{"who":"{% $customer %}","n":"{% $count %}"},"End":true}}}
            """);

        JsonAssert.Equal("""{"who":"Ada","n":3}""", await machine.OutputAsync("""{"name":"Ada"}"""));
    }

    [Fact]
    public async Task The_Output_of_the_assigning_state_does_not_see_its_new_values()
    {
        var machine = new Machine("""
            {"QueryLanguage":"JSONata","StartAt":"A","States":{
              "A":{"Type":"Pass","Assign":{"x":1},"Next":"B"},
              "B":{"Type":"Pass","Assign":{"x":2},"Output":"{% $x %}","End":true}}}
            """);

        JsonAssert.Equal("1", await machine.OutputAsync());
    }

    [Fact]
    public async Task Every_Assign_value_is_evaluated_against_the_values_on_entry()
    {
        var machine = new Machine("""
            {"QueryLanguage":"JSONata","StartAt":"A","States":{
              "A":{"Type":"Pass","Assign":{"a":"first","b":"second"},"Next":"Swap"},
              "Swap":{"Type":"Pass","Assign":{"a":"{% $b %}","b":"{% $a %}"},"Next":"C"},
              "C":{"Type":"Pass","Output":["{% $a %}","{% $b %}"],"End":true}}}
            """);

        JsonAssert.Equal("""["second","first"]""", await machine.OutputAsync());
    }

    [Fact]
    public async Task A_Task_Assign_reads_the_result_as_states_result()
    {
        var machine = new Machine("""
            {"QueryLanguage":"JSONata","StartAt":"A","States":{
              "A":{"Type":"Task","Resource":"@FN@","Assign":{"price":"{% $states.result.price %}"},"Output":{},"Next":"B"},
              "B":{"Type":"Pass","Output":"{% $price %}","End":true}}}
            """.Replace("@FN@", Lambda, StringComparison.Ordinal));
        machine.Tasks.Returns(Lambda, JsonNode.Parse("""{"price":12.5}"""));

        JsonAssert.Equal("12.5", await machine.OutputAsync());
    }

    [Fact]
    public async Task The_exit_event_lists_the_assigned_variables_as_JSON_text()
    {
        var machine = new Machine("""
            {"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"n":1,"s":"{% 'x' %}"},"End":true}}}
            """);

        var result = await machine.RunAsync();

        var exited = result.History.Single(e => e.Type == HistoryEventTypes.PassStateExited);
        JsonAssert.Equal("""{"n":"1","s":"\"x\""}""", exited.Details!["assignedVariables"]);
        JsonAssert.Equal("""{"truncated":false}""", exited.Details["assignedVariablesDetails"]);
    }

    [Fact]
    public async Task A_JSONPath_Assign_takes_paths_from_the_result_with_the_dollar_suffix()
    {
        var machine = new Machine("""
            {"StartAt":"A","States":{
              "A":{"Type":"Task","Resource":"@FN@","ResultSelector":{"total.$":"$.sum"},"Assign":{"total.$":"$.total","label":"fixed"},"ResultPath":null,"Next":"B"},
              "B":{"Type":"Pass","Parameters":{"t.$":"$total","l.$":"$label","in.$":"$.in"},"End":true}}}
            """.Replace("@FN@", Lambda, StringComparison.Ordinal));
        machine.Tasks.Returns(Lambda, JsonNode.Parse("""{"sum":9}"""));

        JsonAssert.Equal("""{"t":9,"l":"fixed","in":1}""", await machine.OutputAsync("""{"in":1}"""));
    }

    [Fact]
    public async Task In_a_JSONPath_Choice_Assign_reads_the_effective_input_and_the_matched_rule_replaces_the_state_Assign()
    {
        var machine = new Machine("""
            {"StartAt":"C","States":{
              "C":{"Type":"Choice","InputPath":"$.order","Assign":{"route":"default"},
                   "Choices":[{"Variable":"$.total","NumericGreaterThan":100,"Assign":{"route":"big","total.$":"$.total"},"Next":"D"}],"Default":"D"},
              "D":{"Type":"Pass","Parameters":{"route.$":"$route"},"End":true}}}
            """);

        JsonAssert.Equal("""{"route":"big"}""", await machine.OutputAsync("""{"order":{"total":500}}"""));
        JsonAssert.Equal("""{"route":"default"}""", await machine.OutputAsync("""{"order":{"total":5}}"""));
    }

    [Fact]
    public async Task A_JSONPath_Choice_Variable_may_be_a_workflow_variable()
    {
        var machine = new Machine("""
            {"StartAt":"Setup","States":{
              "Setup":{"Type":"Pass","Assign":{"guess":"a","answer":"a"},"Next":"Check"},
              "Check":{"Type":"Choice","Choices":[{"Variable":"$guess","StringEqualsPath":"$answer","Next":"Right"}],"Default":"Wrong"},
              "Right":{"Type":"Pass","Result":"right","End":true},
              "Wrong":{"Type":"Pass","Result":"wrong","End":true}}}
            """);

        JsonAssert.Equal("\"right\"", await machine.OutputAsync());
    }

    [Fact]
    public async Task A_Pass_JSONPath_Assign_reads_its_Result_as_the_dollar()
    {
        var machine = new Machine("""
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Result":{"r":5},"ResultPath":"$.ignored","Assign":{"r.$":"$.r"},"Next":"B"},
              "B":{"Type":"Pass","Parameters":{"r.$":"$r"},"End":true}}}
            """);

        JsonAssert.Equal("""{"r":5}""", await machine.OutputAsync());
    }

    [Fact]
    public async Task A_Catcher_Assign_replaces_the_state_Assign_and_reads_the_error_output()
    {
        var machine = new Machine("""
            {"StartAt":"A","States":{
              "A":{"Type":"Task","Resource":"@FN@","Assign":{"outcome":"ok"},
                   "Catch":[{"ErrorEquals":["States.ALL"],"Assign":{"outcome":"failed","why.$":"$.Cause"},"ResultPath":null,"Next":"B"}],"End":true},
              "B":{"Type":"Pass","Parameters":{"outcome.$":"$outcome","why.$":"$why"},"End":true}}}
            """.Replace("@FN@", Lambda, StringComparison.Ordinal));
        machine.Tasks.Fails(Lambda, "Boom", "no capacity");

        JsonAssert.Equal("""{"outcome":"failed","why":"no capacity"}""", await machine.OutputAsync());
    }

    [Fact]
    public async Task A_Map_iteration_reads_outer_variables_and_keeps_its_own_assignments()
    {
        var machine = new Machine("""
            {"QueryLanguage":"JSONata","StartAt":"Init","States":{
              "Init":{"Type":"Pass","Assign":{"bias":100,"seen":"outer"},"Next":"M"},
              "M":{"Type":"Map","Items":[1,2],"ItemProcessor":{"StartAt":"Set","States":{
                     "Set":{"Type":"Pass","Assign":{"seen":"{% 'inner' & $string($states.input) %}"},"Next":"Use"},
                     "Use":{"Type":"Pass","Output":"{% $states.input + $bias & ':' & $seen %}","End":true}}},
                   "Next":"After"},
              "After":{"Type":"Pass","Output":{"results":"{% $states.input %}","seen":"{% $seen %}"},"End":true}}}
            """);

        JsonAssert.Equal("""{"results":["101:inner1","102:inner2"],"seen":"outer"}""", await machine.OutputAsync());
    }

    [Fact]
    public async Task Parallel_branches_each_have_their_own_scope()
    {
        var machine = new Machine("""
            {"QueryLanguage":"JSONata","StartAt":"P","States":{
              "P":{"Type":"Parallel","Branches":[
                   {"StartAt":"A1","States":{"A1":{"Type":"Pass","Assign":{"v":"a"},"Next":"A2"},"A2":{"Type":"Pass","Output":"{% $v %}","End":true}}},
                   {"StartAt":"B1","States":{"B1":{"Type":"Pass","Assign":{"v":"b"},"Next":"B2"},"B2":{"Type":"Pass","Output":"{% $v %}","End":true}}}],
                   "End":true}}}
            """);

        JsonAssert.Equal("""["a","b"]""", await machine.OutputAsync());
    }

    [Fact]
    public async Task A_JSONPath_path_to_an_unset_variable_fails_the_execution()
    {
        var machine = new Machine("""{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"v.$":"$nothing"},"End":true}}}""");

        var result = await machine.RunAsync();

        Assert.Equal("States.Runtime", result.Error);
        Assert.Contains("The JSONPath '$nothing' specified for the field 'v.$' could not be found", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_JSONata_reference_to_an_unset_variable_returns_nothing()
    {
        var machine = new Machine("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Output":"{% $nothing %}","End":true}}}""");

        var result = await machine.RunAsync();

        Assert.Equal("States.QueryEvaluationError", result.Error);
        Assert.EndsWith("The JSONata expression '$nothing' specified for the field 'Output' returned nothing (undefined).", result.Cause, StringComparison.Ordinal);
    }
}
