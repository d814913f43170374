using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>Spec "Map State" (inline): one iteration per item, outputs in item order, MaxConcurrency.</summary>
public sealed class MapStateTests
{
    private const string Fn = "arn:aws:lambda:us-east-1:123456789012:function:perItem";

    [Fact]
    public async Task Map_runs_the_item_processor_per_item_and_returns_outputs_in_item_order()
    {
        var machine = new Machine($$"""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","ResultPath":"$.out","End":true,
              "ItemProcessor":{"StartAt":"Wait","States":{
                "Wait":{"Type":"Wait","SecondsPath":"$.delay","Next":"T"},
                "T":{"Type":"Task","Resource":"{{Fn}}","OutputPath":"$.name","End":true} } } } } }
            """);
        machine.Tasks.Echoes(Fn);

        var output = await machine.OutputAsync("""{"items":[{"name":"a","delay":30},{"name":"b","delay":10},{"name":"c","delay":20}]}""");

        JsonAssert.Equal("""["a","b","c"]""", output!["out"]);
    }

    [Fact]
    public async Task ItemSelector_builds_each_iteration_input_from_the_Map_item_index_and_value()
    {
        var machine = new Machine("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.ids","End":true,
              "ItemSelector":{"index.$":"$$.Map.Item.Index","id.$":"$$.Map.Item.Value","cluster.$":"$.cluster"},
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}
            """);

        var output = await machine.OutputAsync("""{"ids":["i-1","i-2"],"cluster":"c1"}""");

        JsonAssert.Equal("""[{"index":0,"id":"i-1","cluster":"c1"},{"index":1,"id":"i-2","cluster":"c1"}]""", output);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 30)]
    [InlineData(2, 20)]
    public async Task MaxConcurrency_limits_how_many_iterations_run_at_once(int maxConcurrency, int expectedSeconds)
    {
        var machine = new Machine($$"""
            {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":{{maxConcurrency}},"End":true,
              "Iterator":{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"End":true} } } } } }
            """);

        var result = await machine.RunAsync("[1,2,3]");

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), result.Duration);
        JsonAssert.Equal("[1,2,3]", result.Output);
    }

    [Fact]
    public async Task Map_over_an_empty_array_returns_an_empty_array()
    {
        var machine = new Machine("""
            {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}
            """);

        JsonAssert.Equal("[]", await machine.OutputAsync("[]"));
    }

    [Fact]
    public async Task A_failing_iteration_fails_the_Map_with_its_error()
    {
        var machine = new Machine($$"""
            {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"End":true,
              "ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Fn}}","End":true} } } } } }
            """);
        machine.Tasks.On(Fn, (i, _) => Task.FromResult(i.Input!.GetValue<int>() == 2
            ? TaskOutcome.Failure("BadItem", "item 2")
            : TaskOutcome.Success(i.Input)));

        var result = await machine.RunAsync("[1,2,3]");

        Assert.Equal("BadItem", result.Error);
        Assert.Equal(2, machine.Tasks.Invocations.Count);
        Assert.Equal(2, result.History.Count(e => e.Type == HistoryEventTypes.MapIterationStarted));
        Assert.Contains(result.History, e => e.Type == HistoryEventTypes.MapIterationFailed);
        Assert.Contains(result.History, e => e.Type == HistoryEventTypes.MapStateFailed);
    }

    [Fact]
    public async Task An_ItemsPath_that_is_not_an_array_fails_with_States_Runtime()
    {
        var machine = new Machine("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","End":true,"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}
            """);

        var result = await machine.RunAsync("""{"items":{"not":"an array"}}""");

        Assert.Equal(StatesErrorNames.Runtime, result.Error);
    }

    [Fact]
    public async Task Map_history_reports_the_length_and_each_iteration()
    {
        var machine = new Machine("""
            {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}
            """);

        var result = await machine.RunAsync("""["x","y"]""");

        var started = result.History.Single(e => e.Type == HistoryEventTypes.MapStateStarted);
        Assert.Equal(2, started.Details!["length"]!.GetValue<int>());
        Assert.Equal([0, 1], result.History.Where(e => e.Type == HistoryEventTypes.MapIterationSucceeded).Select(e => e.Details!["index"]!.GetValue<int>()));
        Assert.Equal(HistoryEventTypes.MapStateSucceeded, result.History[^3].Type);
    }

    [Fact]
    public async Task An_inline_Map_fails_on_its_first_failed_iteration_whatever_ToleratedFailureCount_says()
    {
        // AWS Inline mode: "if any iteration fails, the Map state fails"; thresholds apply to Distributed Map runs.
        var machine = new Machine("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailureCount":5,"ToleratedFailurePercentage":100,"End":true,
              "ItemProcessor":{"StartAt":"C","States":{
                "C":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":2,"Next":"Bad"}],"Default":"Ok"},
                "Bad":{"Type":"Fail","Error":"Item.Bad"},
                "Ok":{"Type":"Pass","End":true}}}}}}
            """);

        var result = await machine.RunAsync("[1,2,3]");

        Assert.Equal("Item.Bad", result.Error);
    }

    [Fact]
    public async Task A_ToleratedFailureCountPath_that_selects_no_integer_fails_with_States_Runtime()
    {
        var machine = new Machine("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","ToleratedFailureCountPath":"$.tolerated","End":true,
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}
            """);

        var result = await machine.RunAsync("""{"items":[1],"tolerated":"many"}""");

        Assert.Equal(StatesErrorNames.Runtime, result.Error);
        Assert.Contains("ToleratedFailureCountPath", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemsPath_may_read_the_items_from_the_context_object()
    {
        var machine = new Machine("""
            {"StartAt":"M","States":{"M":{"Type":"Map","InputPath":"$.scoped","ItemsPath":"$$.Execution.Input.ids","End":true,
              "ItemSelector":{"id.$":"$$.Map.Item.Value"},
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}
            """);

        var output = await machine.OutputAsync("""{"ids":[1,2],"scoped":{"ignored":true}}""");

        JsonAssert.Equal("""[{"id":1},{"id":2}]""", output);
    }
}
