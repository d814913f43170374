using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.Execution;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;

namespace OutpostServerless.StateMachine.States;

/// <summary>
/// A Wait state: waits a number of seconds or until a timestamp, each fixed or read from the effective
/// input. On the virtual clock the wait costs no real time.
/// </summary>
internal sealed class WaitState : State
{
    public override string Type => "Wait";

    public override string? AbortedEventType => HistoryEventTypes.WaitStateAborted;

    public int? Seconds { get; init; }

    public JsonPath? SecondsPath { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public JsonPath? TimestampPath { get; init; }

    public override async Task<StateOutcome> ExecuteAsync(StateRun run, JsonNode? input)
    {
        var scope = run.Scope(input);
        var effectiveInput = InputPath.Apply(scope);
        var delay = DelayFor(effectiveInput, run.Timeline.Now);
        await run.Strand.DelayAsync(delay, run.CancellationToken).ConfigureAwait(false);
        return Complete(OutputPath.Apply(scope.WithInput(effectiveInput)));
    }

    private TimeSpan DelayFor(JsonNode? effectiveInput, DateTimeOffset now)
    {
        if (Seconds is { } seconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (Timestamp is { } until)
        {
            return Until(until, now);
        }

        if (SecondsPath is not null)
        {
            if (SecondsPath.TrySelect(effectiveInput, out var value) && JsonScalars.TryGetInteger(value, out var count) && count >= 0)
            {
                return TimeSpan.FromSeconds(count);
            }

            throw StatesException.Runtime($"The SecondsPath '{SecondsPath.Text}' must select a non-negative integer in the input '{JsonText.Serialize(effectiveInput)}'");
        }

        if (TimestampPath!.TrySelect(effectiveInput, out var stamp) && JsonScalars.TryGetString(stamp, out var text) && Rfc3339.TryParse(text, out var instant))
        {
            return Until(instant, now);
        }

        throw StatesException.Runtime($"The TimestampPath '{TimestampPath.Text}' must select an RFC 3339 timestamp in the input '{JsonText.Serialize(effectiveInput)}'");
    }

    private static TimeSpan Until(DateTimeOffset instant, DateTimeOffset now) => instant > now ? instant - now : TimeSpan.Zero;
}
