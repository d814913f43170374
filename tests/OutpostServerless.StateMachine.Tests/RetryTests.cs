using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>Spec "Retrying after error": retrier choice, counting and back-off, measured on the virtual clock.</summary>
public sealed class RetryTests
{
    private const string Fn = "arn:aws:lambda:us-east-1:123456789012:function:flaky";

    private static readonly TaskOutcome Throttled = TaskOutcome.Failure("Lambda.TooManyRequestsException", "Rate exceeded");
    private static readonly TaskOutcome Ok = TaskOutcome.Success(JsonValue.Create("ok"));

    [Fact]
    public async Task Retry_waits_IntervalSeconds_times_BackoffRate_to_the_power_of_the_retry_number()
    {
        var machine = new Machine(Retrying("""{"ErrorEquals":["Lambda.TooManyRequestsException"],"IntervalSeconds":1,"MaxAttempts":3,"BackoffRate":2}"""));
        machine.Tasks.Sequence(Fn, Throttled, Throttled, Throttled, Ok);

        var result = await machine.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal([0.0, 1, 3, 7], AttemptOffsets(machine));
    }

    [Fact]
    public async Task Retry_defaults_are_one_second_three_attempts_and_backoff_rate_two()
    {
        var machine = new Machine(Retrying("""{"ErrorEquals":["States.ALL"]}"""));
        machine.Tasks.Sequence(Fn, Throttled);

        var result = await machine.RunAsync();

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal([0.0, 1, 3, 7], AttemptOffsets(machine));
    }

    [Fact]
    public async Task MaxDelaySeconds_caps_the_backoff_interval()
    {
        var machine = new Machine(Retrying("""{"ErrorEquals":["States.ALL"],"IntervalSeconds":2,"MaxAttempts":5,"BackoffRate":3,"MaxDelaySeconds":10}"""));
        machine.Tasks.Sequence(Fn, Throttled);

        await machine.RunAsync();

        // Intervals 2, 6, then 18 and 54 capped at 10.
        Assert.Equal([0.0, 2, 8, 18, 28, 38], AttemptOffsets(machine));
    }

    [Fact]
    public async Task MaxAttempts_zero_means_the_error_is_never_retried()
    {
        var machine = new Machine(Retrying("""{"ErrorEquals":["States.ALL"],"MaxAttempts":0}"""));
        machine.Tasks.Sequence(Fn, Throttled);

        var result = await machine.RunAsync();

        Assert.Single(machine.Tasks.Invocations);
        Assert.Equal("Lambda.TooManyRequestsException", result.Error);
    }

    [Fact]
    public async Task JitterStrategy_FULL_waits_a_random_time_between_zero_and_the_computed_interval()
    {
        var machine = new Machine(Retrying("""{"ErrorEquals":["States.ALL"],"IntervalSeconds":10,"MaxAttempts":4,"BackoffRate":2,"JitterStrategy":"FULL"}"""));
        machine.Tasks.Sequence(Fn, Throttled);

        await machine.RunAsync();

        var offsets = AttemptOffsets(machine);
        var gaps = offsets.Zip(offsets.Skip(1), (a, b) => b - a).ToList();
        var ceilings = new[] { 10.0, 20, 40, 80 };
        Assert.Equal(4, gaps.Count);
        Assert.All(gaps.Zip(ceilings), pair => Assert.InRange(pair.First, 0, pair.Second));
        Assert.NotEqual(ceilings, gaps);
    }

    [Fact]
    public async Task JitterStrategy_FULL_repeats_exactly_for_the_same_seed()
    {
        async Task<IReadOnlyList<double>> OffsetsFor(int seed)
        {
            var machine = new Machine(Retrying("""{"ErrorEquals":["States.ALL"],"IntervalSeconds":10,"MaxAttempts":3,"JitterStrategy":"FULL"}"""));
            machine.Tasks.Sequence(Fn, Throttled);
            await machine.RunAsync(seed: seed);
            return AttemptOffsets(machine);
        }

        Assert.Equal(await OffsetsFor(3), await OffsetsFor(3));
        Assert.NotEqual(await OffsetsFor(3), await OffsetsFor(4));
    }

    [Fact]
    public async Task The_first_retrier_whose_ErrorEquals_names_the_error_applies()
    {
        var machine = new Machine(Retrying(
            """{"ErrorEquals":["Other"],"IntervalSeconds":100},{"ErrorEquals":["Lambda.TooManyRequestsException"],"IntervalSeconds":5,"MaxAttempts":1},{"ErrorEquals":["States.ALL"],"IntervalSeconds":50}"""));
        machine.Tasks.Sequence(Fn, Throttled, Ok);

        await machine.RunAsync();

        Assert.Equal([0.0, 5], AttemptOffsets(machine));
    }

    [Fact]
    public async Task A_spent_retrier_does_not_hand_the_error_to_a_later_retrier()
    {
        var machine = new Machine(Retrying(
            """{"ErrorEquals":["Lambda.TooManyRequestsException"],"MaxAttempts":1},{"ErrorEquals":["States.ALL"],"MaxAttempts":5}"""));
        machine.Tasks.Sequence(Fn, Throttled);

        var result = await machine.RunAsync();

        Assert.Equal(2, machine.Tasks.Invocations.Count);
        Assert.Equal(ExecutionStatus.Failed, result.Status);
    }

    [Fact]
    public async Task Retry_counts_of_a_retrier_add_up_across_different_errors_it_matches()
    {
        var machine = new Machine(Retrying("""{"ErrorEquals":["ErrorA","ErrorB"],"MaxAttempts":2,"IntervalSeconds":1,"BackoffRate":1}"""));
        machine.Tasks.Sequence(Fn, TaskOutcome.Failure("ErrorA", null), TaskOutcome.Failure("ErrorB", null), TaskOutcome.Failure("ErrorA", null), Ok);

        var result = await machine.RunAsync();

        Assert.Equal(3, machine.Tasks.Invocations.Count);
        Assert.Equal("ErrorA", result.Error);
    }

    [Fact]
    public async Task States_TaskFailed_matches_any_error_except_a_timeout()
    {
        var machine = new Machine(Retrying("""{"ErrorEquals":["States.TaskFailed"],"MaxAttempts":1}"""));
        machine.Tasks.Sequence(Fn, TaskOutcome.Failure("Custom.Anything", null), Ok);

        var result = await machine.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(2, machine.Tasks.Invocations.Count);
    }

    [Fact]
    public async Task States_ALL_does_not_retry_the_terminal_States_Runtime()
    {
        var machine = new Machine($$"""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Fn}}","OutputPath":"$.missing",
              "Retry":[{"ErrorEquals":["States.ALL"]}],"End":true} } }
            """);
        machine.Tasks.Returns(Fn, JsonNode.Parse("{}"));

        var result = await machine.RunAsync();

        Assert.Equal(StatesErrorNames.Runtime, result.Error);
        Assert.Single(machine.Tasks.Invocations);
    }

    [Fact]
    public async Task Each_retry_counts_one_more_state_transition()
    {
        var machine = new Machine(Retrying("""{"ErrorEquals":["States.ALL"],"MaxAttempts":3}"""));
        machine.Tasks.Sequence(Fn, Throttled, Throttled, Ok);

        var result = await machine.RunAsync();

        // One state entered plus two retries.
        Assert.Equal(1 + 2, result.StateTransitions);
    }

    [Fact]
    public async Task Each_attempt_sees_its_retry_number_in_the_context_object_and_the_invocation()
    {
        var machine = new Machine($$"""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Fn}}","Parameters":{"attempt.$":"$$.State.RetryCount"},
              "Retry":[{"ErrorEquals":["States.ALL"]}],"End":true} } }
            """);
        machine.Tasks.Sequence(Fn, Throttled, Throttled, Ok);

        await machine.RunAsync();

        Assert.Equal([0, 1, 2], machine.Tasks.Invocations.Select(i => i.RetryCount));
        Assert.Equal([0, 1, 2], machine.Tasks.Invocations.Select(i => i.Input!["attempt"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Retry_counts_start_afresh_each_time_the_state_is_entered_again()
    {
        var machine = new Machine($$"""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"{{Fn}}","ResultPath":"$.r",
                   "Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":1}],"Next":"Again"},
              "Again":{"Type":"Choice","Choices":[{"Variable":"$.loop","IsPresent":true,"Next":"Stop"}],"Default":"Mark"},
              "Mark":{"Type":"Pass","Result":true,"ResultPath":"$.loop","Next":"T"},
              "Stop":{"Type":"Succeed"} } }
            """);
        machine.Tasks.Sequence(Fn, Throttled, Ok, Throttled, Ok);

        var result = await machine.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal([0, 1, 0, 1], machine.Tasks.Invocations.Select(i => i.RetryCount));
    }

    private static string Retrying(string retriers) => $$"""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"{{Fn}}","Retry":[{{retriers}}],"End":true} } }
        """;

    /// <summary>When each attempt was scheduled, in virtual seconds since the start, read from the history.</summary>
    private static List<double> AttemptOffsets(Machine machine) =>
        machine.Observed
            .Where(e => e.Type == HistoryEventTypes.LambdaFunctionScheduled)
            .Select(e => (e.Timestamp - Machine.Epoch).TotalSeconds)
            .ToList();
}
