using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>Spec "Choice Rules": data-test expressions, boolean expressions, Default and their errors.</summary>
public sealed class ChoiceStateTests
{
    private const string Input = """
        {"s":"abc","other":"abd","star":"a*c","n":10,"m":10.0,"f":2.5,"b":true,"nul":null,
         "t":"2024-01-01T00:00:00Z","later":"2024-06-01T12:00:00.5+02:00","arr":[1]}
        """;

    public static TheoryData<string, bool> Operators => new()
    {
        // String comparisons are exact and ordinal; other types never match.
        { """{"Variable":"$.s","StringEquals":"abc"}""", true },
        { """{"Variable":"$.s","StringEquals":"ABC"}""", false },
        { """{"Variable":"$.n","StringEquals":"10"}""", false },
        { """{"Variable":"$.s","StringLessThan":"abd"}""", true },
        { """{"Variable":"$.s","StringGreaterThan":"abb"}""", true },
        { """{"Variable":"$.s","StringLessThanEquals":"abc"}""", true },
        { """{"Variable":"$.s","StringGreaterThanEquals":"abd"}""", false },
        { """{"Variable":"$.s","StringEqualsPath":"$.other"}""", false },
        { """{"Variable":"$.s","StringLessThanPath":"$.other"}""", true },
        { """{"Variable":"$.s","StringGreaterThanPath":"$.other"}""", false },
        { """{"Variable":"$.s","StringLessThanEqualsPath":"$.s"}""", true },
        { """{"Variable":"$.s","StringGreaterThanEqualsPath":"$.other"}""", false },

        // StringMatches: * is any run of characters, \* a literal star.
        { """{"Variable":"$.s","StringMatches":"a*"}""", true },
        { """{"Variable":"$.s","StringMatches":"*c"}""", true },
        { """{"Variable":"$.s","StringMatches":"a*d"}""", false },
        { """{"Variable":"$.s","StringMatches":"*"}""", true },
        { """{"Variable":"$.star","StringMatches":"a\\*c"}""", true },
        { """{"Variable":"$.s","StringMatches":"a\\*c"}""", false },

        // Numbers compare by value (10 equals 10.0); other types never match.
        { """{"Variable":"$.n","NumericEquals":10}""", true },
        { """{"Variable":"$.n","NumericEquals":10.0}""", true },
        { """{"Variable":"$.s","NumericEquals":1}""", false },
        { """{"Variable":"$.n","NumericLessThan":11}""", true },
        { """{"Variable":"$.n","NumericGreaterThan":10}""", false },
        { """{"Variable":"$.n","NumericLessThanEquals":10}""", true },
        { """{"Variable":"$.n","NumericGreaterThanEquals":10.5}""", false },
        { """{"Variable":"$.n","NumericEqualsPath":"$.m"}""", true },
        { """{"Variable":"$.n","NumericLessThanPath":"$.f"}""", false },
        { """{"Variable":"$.n","NumericGreaterThanPath":"$.f"}""", true },
        { """{"Variable":"$.f","NumericLessThanEqualsPath":"$.n"}""", true },
        { """{"Variable":"$.f","NumericGreaterThanEqualsPath":"$.n"}""", false },

        { """{"Variable":"$.b","BooleanEquals":true}""", true },
        { """{"Variable":"$.b","BooleanEquals":false}""", false },
        { """{"Variable":"$.s","BooleanEquals":true}""", false },
        { """{"Variable":"$.b","BooleanEqualsPath":"$.b"}""", true },

        // Timestamps compare as instants, whatever the offset.
        { """{"Variable":"$.t","TimestampEquals":"2024-01-01T00:00:00Z"}""", true },
        { """{"Variable":"$.t","TimestampEquals":"2024-01-01T01:00:00+01:00"}""", true },
        { """{"Variable":"$.s","TimestampEquals":"2024-01-01T00:00:00Z"}""", false },
        { """{"Variable":"$.t","TimestampLessThan":"2024-01-02T00:00:00Z"}""", true },
        { """{"Variable":"$.t","TimestampGreaterThan":"2024-01-02T00:00:00Z"}""", false },
        { """{"Variable":"$.t","TimestampLessThanEquals":"2024-01-01T00:00:00Z"}""", true },
        { """{"Variable":"$.t","TimestampGreaterThanEquals":"2023-12-31T23:59:59.999Z"}""", true },
        { """{"Variable":"$.t","TimestampEqualsPath":"$.t"}""", true },
        { """{"Variable":"$.t","TimestampLessThanPath":"$.later"}""", true },
        { """{"Variable":"$.t","TimestampGreaterThanPath":"$.later"}""", false },
        { """{"Variable":"$.later","TimestampLessThanEqualsPath":"$.t"}""", false },
        { """{"Variable":"$.later","TimestampGreaterThanEqualsPath":"$.t"}""", true },

        // Type tests; "false" inverts them.
        { """{"Variable":"$.nul","IsNull":true}""", true },
        { """{"Variable":"$.s","IsNull":true}""", false },
        { """{"Variable":"$.s","IsNull":false}""", true },
        { """{"Variable":"$.s","IsPresent":true}""", true },
        { """{"Variable":"$.nul","IsPresent":true}""", true },
        { """{"Variable":"$.missing","IsPresent":true}""", false },
        { """{"Variable":"$.missing","IsPresent":false}""", true },
        { """{"Variable":"$.f","IsNumeric":true}""", true },
        { """{"Variable":"$.s","IsNumeric":true}""", false },
        { """{"Variable":"$.s","IsString":true}""", true },
        { """{"Variable":"$.n","IsString":true}""", false },
        { """{"Variable":"$.b","IsBoolean":true}""", true },
        { """{"Variable":"$.s","IsBoolean":true}""", false },
        { """{"Variable":"$.t","IsTimestamp":true}""", true },
        { """{"Variable":"$.later","IsTimestamp":true}""", true },
        { """{"Variable":"$.s","IsTimestamp":true}""", false },

        // Boolean expressions.
        { """{"And":[{"Variable":"$.s","StringEquals":"abc"},{"Variable":"$.n","NumericEquals":10}]}""", true },
        { """{"And":[{"Variable":"$.s","StringEquals":"abc"},{"Variable":"$.n","NumericEquals":11}]}""", false },
        { """{"Or":[{"Variable":"$.s","StringEquals":"zzz"},{"Variable":"$.n","NumericEquals":10}]}""", true },
        { """{"Or":[{"Variable":"$.s","StringEquals":"zzz"},{"Variable":"$.n","NumericEquals":11}]}""", false },
        { """{"Not":{"Variable":"$.n","NumericEquals":11}}""", true },
        { """{"Not":{"Or":[{"Variable":"$.b","BooleanEquals":true},{"Variable":"$.n","NumericEquals":11}]}}""", false },
        { """{"Variable":"$$.State.Name","StringEquals":"C"}""", true },
    };

    [Theory]
    [MemberData(nameof(Operators))]
    public async Task Choice_operator_compares_the_variable_as_the_spec_defines(string rule, bool matches)
    {
        var machine = new Machine(ChoiceMachine(rule));

        var output = await machine.OutputAsync(Input);

        JsonAssert.Equal(matches ? "\"yes\"" : "\"no\"", output);
    }

    [Fact]
    public async Task Choice_takes_the_first_matching_rule_in_order()
    {
        var machine = new Machine("""
            {"StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[
                {"Variable":"$.n","NumericGreaterThan":5,"Next":"First"},
                {"Variable":"$.n","NumericGreaterThan":1,"Next":"Second"}]},
              "First":{"Type":"Pass","Result":"first","End":true},
              "Second":{"Type":"Pass","Result":"second","End":true}}}
            """);

        JsonAssert.Equal("\"first\"", await machine.OutputAsync("""{"n":10}"""));
    }

    [Fact]
    public async Task Choice_output_is_its_effective_input_through_InputPath_and_OutputPath()
    {
        var machine = new Machine("""
            {"StartAt":"C","States":{
              "C":{"Type":"Choice","InputPath":"$.in","OutputPath":"$.keep","Choices":[{"Variable":"$.go","BooleanEquals":true,"Next":"Done"}]},
              "Done":{"Type":"Succeed"}}}
            """);

        JsonAssert.Equal("\"k\"", await machine.OutputAsync("""{"in":{"go":true,"keep":"k"}}"""));
    }

    [Fact]
    public async Task Choice_without_a_match_or_Default_fails_with_States_NoChoiceMatched()
    {
        var machine = new Machine("""
            {"StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":1,"Next":"Done"}]},
              "Done":{"Type":"Succeed"}}}
            """);

        var result = await machine.RunAsync("""{"n":2}""");

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrorNames.NoChoiceMatched, result.Error);
    }

    [Fact]
    public async Task Choice_on_a_variable_that_is_not_there_fails_with_States_Runtime()
    {
        var machine = new Machine(ChoiceMachine("""{"Variable":"$.absent","NumericEquals":1}"""));

        var result = await machine.RunAsync("{}");

        Assert.Equal(StatesErrorNames.Runtime, result.Error);
        Assert.EndsWith("Invalid path '$.absent': The choice state's condition path references an invalid value.", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choice_Path_operand_that_is_not_there_fails_with_States_Runtime()
    {
        var machine = new Machine(ChoiceMachine("""{"Variable":"$.n","NumericEqualsPath":"$.absent"}"""));

        var result = await machine.RunAsync("""{"n":1}""");

        Assert.Equal(StatesErrorNames.Runtime, result.Error);
    }

    [Fact]
    public async Task Choice_history_has_entered_and_exited_events()
    {
        var machine = new Machine(ChoiceMachine("""{"Variable":"$.n","NumericEquals":1}"""));

        var result = await machine.RunAsync("""{"n":1}""");

        Assert.Equal(
            [HistoryEventTypes.ExecutionStarted, HistoryEventTypes.ChoiceStateEntered, HistoryEventTypes.ChoiceStateExited,
             HistoryEventTypes.PassStateEntered, HistoryEventTypes.PassStateExited, HistoryEventTypes.ExecutionSucceeded],
            result.History.Select(e => e.Type));
    }

    private static string ChoiceMachine(string rule)
    {
        var choice = JsonNode.Parse(rule)!.AsObject();
        choice["Next"] = "Yes";
        return $$"""
            {"StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[{{choice.ToJsonString()}}],"Default":"No"},
              "Yes":{"Type":"Pass","Result":"yes","End":true},
              "No":{"Type":"Pass","Result":"no","End":true} } }
            """;
    }
}
