using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>
/// Errors and causes whose wording was recorded from real AWS executions (as published by emulator
/// projects that compare against AWS, and in AWS workshop output): a user's catch logic and log
/// searches see the same text locally.
/// </summary>
public sealed class AwsRecordedCauseTests
{
    private static Machine PassWith(string parametersJson) =>
        new($$"""{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{{parametersJson}},"End":true} } }""");

    [Fact]
    public async Task An_intrinsic_argument_path_that_selects_nothing_is_States_Runtime_naming_the_whole_expression()
    {
        var machine = PassWith("""{"v.$":"States.Format('{}', States.Format('{}', $.nope))"}""");

        var result = await machine.RunAsync("""{"other":1}""");

        Assert.Equal(StatesErrorNames.Runtime, result.Error);
        Assert.Equal(
            "An error occurred while executing the state 'P' (entered at the event id #2). The function 'States.Format('{}', States.Format('{}', $.nope))' had the following error: The JsonPath argument for the field '$.nope' could not be found in the input '{\"other\":1}'",
            result.Cause);
    }

    [Fact]
    public async Task A_context_path_intrinsic_argument_that_selects_nothing_is_named_from_its_root_and_quotes_the_state_input()
    {
        var machine = PassWith("""{"v.$":"States.Format('{}', $$.Nope.Deep)"}""");

        var result = await machine.RunAsync("""{"other":1}""");

        Assert.EndsWith("The JsonPath argument for the field '$.Nope.Deep' could not be found in the input '{\"other\":1}'", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Parameters_path_ending_in_an_index_past_the_end_of_an_array_gives_null()
    {
        var machine = PassWith("""{"idx.$":"$.items[5]"}""");

        JsonAssert.Equal("""{"idx":null}""", await machine.OutputAsync("""{"items":[1,2]}"""));
    }

    [Fact]
    public async Task A_Parameters_path_that_reads_past_an_out_of_range_index_is_States_Runtime()
    {
        var machine = PassWith("""{"x.$":"$.items[5].x"}""");

        var result = await machine.RunAsync("""{"items":[1,2]}""");

        Assert.Equal(StatesErrorNames.Runtime, result.Error);
    }

    [Theory]
    [InlineData("ErrorPath")]
    [InlineData("CausePath")]
    public async Task A_Fail_state_path_that_selects_nothing_names_the_path_and_field(string field)
    {
        var machine = new Machine($$"""{"StartAt":"Boom","States":{"Boom":{"Type":"Fail","{{field}}":"$.nope"} } }""");

        var result = await machine.RunAsync("""{"other":1}""");

        Assert.Equal(StatesErrorNames.Runtime, result.Error);
        Assert.Equal(
            $"An error occurred while executing the state 'Boom' (entered at the event id #2). The JSONPath '$.nope' specified for the field '{field}' could not be found in the input '{{\"other\":1}}'",
            result.Cause);
    }

    [Theory]
    [InlineData("""{"delay":"ten"}""", "The SecondsPath parameter cannot be parsed as a long value: $.delay == ten")]
    [InlineData("""{"delay":-5}""", "The SecondsPath parameter references a negative value: $.delay == -5")]
    [InlineData("""{"other":1}""", "The SecondsPath parameter does not reference an input value: $.delay")]
    public async Task A_SecondsPath_that_gives_no_usable_wait_is_States_Runtime_saying_why(string input, string reason)
    {
        var machine = new Machine("""{"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.delay","End":true}}}""");

        var result = await machine.RunAsync(input);

        Assert.Equal(StatesErrorNames.Runtime, result.Error);
        Assert.EndsWith(reason, result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_TimestampPath_that_is_not_a_timestamp_is_States_Runtime_saying_why()
    {
        var machine = new Machine("""{"StartAt":"W","States":{"W":{"Type":"Wait","TimestampPath":"$.until","End":true}}}""");

        var result = await machine.RunAsync("""{"until":"tomorrow"}""");

        Assert.EndsWith("The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.until == tomorrow", result.Cause, StringComparison.Ordinal);
    }
}
