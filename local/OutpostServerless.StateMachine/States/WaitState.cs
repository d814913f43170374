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

    public override bool OutputMayGrow => false;

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
            if (!SecondsPath.TrySelect(effectiveInput, out var value))
            {
                throw StatesException.Runtime($"The SecondsPath parameter does not reference an input value: {SecondsPath.Text}");
            }

            if (!JsonScalars.TryGetInteger(value, out var count))
            {
                throw StatesException.Runtime($"The SecondsPath parameter cannot be parsed as a long value: {SecondsPath.Text} == {Show(value)}");
            }

            return count >= 0
                ? TimeSpan.FromSeconds(count)
                : throw StatesException.Runtime($"The SecondsPath parameter references a negative value: {SecondsPath.Text} == {count}");
        }

        if (!TimestampPath!.TrySelect(effectiveInput, out var stamp))
        {
            throw StatesException.Runtime($"The TimestampPath parameter does not reference an input value: {TimestampPath.Text}");
        }

        return JsonScalars.TryGetString(stamp, out var text) && Rfc3339.TryParse(text, out var instant)
            ? Until(instant, now)
            : throw StatesException.Runtime(
                $"The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {TimestampPath.Text} == {Show(stamp)}");
    }

    // How AWS quotes the offending value: a string as is, anything else as JSON.
    private static string Show(JsonNode? value) => JsonScalars.TryGetString(value, out var text) ? text : JsonText.Serialize(value);

    private static TimeSpan Until(DateTimeOffset instant, DateTimeOffset now) => instant > now ? instant - now : TimeSpan.Zero;
}
