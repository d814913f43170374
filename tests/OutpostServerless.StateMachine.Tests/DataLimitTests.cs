using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>AWS quota: the data a state passes on is at most 256 KiB; more fails with the terminal States.DataLimitExceeded.</summary>
public sealed class DataLimitTests
{
    private const string Fn = "arn:aws:lambda:us-east-1:123456789012:function:Big";

    [Fact]
    public async Task A_state_output_over_256_KiB_fails_with_States_DataLimitExceeded_that_no_Catch_takes()
    {
        var machine = new Machine($$"""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"{{Fn}}","End":true,"Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}]},
              "Caught":{"Type":"Pass","End":true} } }
            """);
        machine.Tasks.Returns(Fn, JsonValue.Create(new string('x', 262_144)));

        var result = await machine.RunAsync();

        Assert.Equal(StatesErrorNames.DataLimitExceeded, result.Error);
        Assert.Contains("'T'", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_output_just_under_256_KiB_passes()
    {
        var machine = new Machine($$"""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Fn}}","End":true} } }""");

        // The JSON text of the string is its characters plus two quotes.
        machine.Tasks.Returns(Fn, JsonValue.Create(new string('x', 262_142)));

        var result = await machine.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
    }
}
