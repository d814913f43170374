using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.Execution;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;
using OutpostServerless.StateMachine.Queries;

namespace OutpostServerless.StateMachine.States;

/// <summary>
/// A Wait state: waits a number of seconds or until a timestamp, each fixed, read from the effective input
/// (SecondsPath, TimestampPath) or, in JSONata, computed by an expression. On the virtual clock the wait
/// costs no real time.
/// </summary>
internal sealed class WaitState : State
{
    public override string Type => "Wait";

    public override bool OutputMayGrow => UsesJsonata && Output is not null;

    public override string? AbortedEventType => HistoryEventTypes.WaitStateAborted;

    public int? Seconds { get; init; }

    public JsonPath? SecondsPath { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public JsonPath? TimestampPath { get; init; }

    /// <summary>JSONata: <c>"Seconds": "{% … %}"</c>.</summary>
    public JsonataTemplate? SecondsQuery { get; init; }

    /// <summary>JSONata: <c>"Timestamp": "{% … %}"</c>.</summary>
    public JsonataTemplate? TimestampQuery { get; init; }

    public override async Task<StateOutcome> ExecuteAsync(StateRun run, JsonNode? input)
    {
        var scope = run.Scope(input);
        if (UsesJsonata)
        {
            var step = JsonataStep.OnInput(run, scope);
            var until = DelayFor(step, run.Timeline.Now);
            await run.Strand.DelayAsync(until, run.CancellationToken).ConfigureAwait(false);
            var (output, assigned) = Shape(step, input);
            return Complete(output, assigned);
        }

        var effectiveInput = InputPath.Apply(scope);
        run.Observe(DataFlowStage.AfterInputPath, effectiveInput);
        var effectiveScope = scope.WithInput(effectiveInput);
        var delay = DelayFor(effectiveScope, run.Timeline.Now);
        await run.Strand.DelayAsync(delay, run.CancellationToken).ConfigureAwait(false);
        return Complete(OutputPath.Apply(effectiveScope), Assign?.Evaluate(effectiveScope));
    }

    private TimeSpan DelayFor(JsonataStep step, DateTimeOffset now)
    {
        if (SecondsQuery is not null)
        {
            return TimeSpan.FromSeconds(JsonataFields.Integer(step, SecondsQuery, "Seconds", min: 0, max: 99_999_999));
        }

        if (TimestampQuery is not null)
        {
            var text = JsonataFields.String(step, TimestampQuery, "Timestamp");
            return Rfc3339.TryParse(text, out var instant)
                ? Until(instant, now)
                : throw step.Fail("Timestamp", $"The JSONata expression '{TimestampQuery.ExpressionText}' specified for the field 'Timestamp' returned an invalid timestamp: {text}");
        }

        return Seconds is { } seconds ? TimeSpan.FromSeconds(seconds) : Until(Timestamp!.Value, now);
    }

    private TimeSpan DelayFor(PathScope scope, DateTimeOffset now)
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
            if (!scope.Select(SecondsPath, out var value))
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

        var timestampPath = TimestampPath!;
        if (!scope.Select(timestampPath, out var stamp))
        {
            throw StatesException.Runtime($"The TimestampPath parameter does not reference an input value: {timestampPath.Text}");
        }

        return JsonScalars.TryGetString(stamp, out var text) && Rfc3339.TryParse(text, out var instant)
            ? Until(instant, now)
            : throw StatesException.Runtime(
                $"The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {timestampPath.Text} == {Show(stamp)}");
    }

    // How AWS quotes the offending value: a string as is, anything else as JSON.
    private static string Show(JsonNode? value) => JsonScalars.TryGetString(value, out var text) ? text : JsonText.Serialize(value);

    private static TimeSpan Until(DateTimeOffset instant, DateTimeOffset now) => instant > now ? instant - now : TimeSpan.Zero;
}
