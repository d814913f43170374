using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>
/// AWS quota: a Standard execution's history holds at most 25,000 events
/// (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html); the 25,000th may only close the
/// execution, so a run still going there fails (https://docs.aws.amazon.com/step-functions/latest/dg/sfn-best-practices.html#bp-history-limit).
/// </summary>
public sealed class HistoryLimitTests
{
    private const int Quota = 25_000;

    /// <summary>Counts $.i up to $.until through a Pass and a Choice, then succeeds.</summary>
    private const string CountingLoop = """
        {"StartAt":"Count","States":{
          "Count":{"Type":"Pass","Parameters":{"i.$":"States.MathAdd($.i, 1)","until.$":"$.until"},"Next":"Done?"},
          "Done?":{"Type":"Choice","Choices":[{"Variable":"$.i","NumericGreaterThanEqualsPath":"$.until","Next":"Done"}],"Default":"Count"},
          "Done":{"Type":"Succeed"} } }
        """;

    [Fact]
    public async Task An_endless_Choice_loop_fails_with_States_Runtime_at_25000_events_that_no_Catch_takes()
    {
        var machine = new Machine("""
            {"StartAt":"Loop","States":{
              "Loop":{"Type":"Parallel","Branches":[{"StartAt":"Again?","States":{
                "Again?":{"Type":"Choice","Choices":[{"Variable":"$.stop","BooleanEquals":true,"Next":"Stop"}],"Default":"Again?"},
                "Stop":{"Type":"Succeed"} }}],
               "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true},
              "Caught":{"Type":"Pass","End":true} } }
            """);

        var result = await machine.RunAsync("""{"stop":false}""");

        Assert.Equal((ExecutionStatus.Failed, StatesErrorNames.Runtime), (result.Status, result.Error));
        Assert.Contains("25,000", result.Cause, StringComparison.Ordinal);
        Assert.Equal(Quota, result.History.Count);
        Assert.Equal(HistoryEventTypes.ExecutionFailed, result.History[^1].Type);
        Assert.DoesNotContain(result.History, e => e.Type == HistoryEventTypes.PassStateEntered);
    }

    [Fact]
    public async Task An_execution_whose_25000th_event_is_ExecutionSucceeded_succeeds_and_one_more_round_fails()
    {
        var perRound = (await CountTo(2)).History.Count - (await CountTo(1)).History.Count;
        var fixedEvents = (await CountTo(1)).History.Count - perRound;
        var roundsThatFit = (Quota - fixedEvents) / perRound;
        Assert.Equal(Quota, fixedEvents + (roundsThatFit * perRound)); // the loop lands exactly on the quota

        var fits = await CountTo(roundsThatFit);
        var over = await CountTo(roundsThatFit + 1);

        Assert.Equal((ExecutionStatus.Succeeded, Quota), (fits.Status, fits.History.Count));
        Assert.Equal((ExecutionStatus.Failed, StatesErrorNames.Runtime, Quota), (over.Status, over.Error, over.History.Count));
    }

    [Fact]
    public async Task A_loop_whose_payload_doubles_fails_with_States_DataLimitExceeded_before_it_grows_past_256_KiB()
    {
        var machine = new Machine("""
            {"StartAt":"Double","States":{
              "Double":{"Type":"Pass","Parameters":{"s.$":"States.Format('{}{}', $.s, $.s)"},"Next":"Again?"},
              "Again?":{"Type":"Choice","Choices":[{"Variable":"$.s","StringEquals":"","Next":"Never"}],"Default":"Double"},
              "Never":{"Type":"Succeed"} } }
            """);

        var result = await machine.RunAsync("""{"s":"0123456789abcdef"}""");

        Assert.Equal((ExecutionStatus.Failed, StatesErrorNames.DataLimitExceeded), (result.Status, result.Error));
        Assert.True(result.History.Count < 100, $"{result.History.Count} events");
    }

    private static Task<ExecutionResult> CountTo(int rounds) =>
        new Machine(CountingLoop).RunAsync($$"""{"i":0,"until":{{rounds}}}""");
}
