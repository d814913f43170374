using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.Execution;
using OutpostServerless.StateMachine.History;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;
using OutpostServerless.StateMachine.Queries;
using OutpostServerless.StateMachine.Variables;

namespace OutpostServerless.StateMachine.States;

/// <summary>
/// An inline Map state: runs the ItemProcessor (or legacy Iterator) once per element of the array at
/// ItemsPath, each on the ItemSelector (or legacy Parameters) output — which may read
/// <c>$$.Map.Item.Index</c> and <c>$$.Map.Item.Value</c> — or on the element itself; at most MaxConcurrency
/// at once (0 = no limit). The result is the outputs in item order; the first failing iteration fails the state.
/// </summary>
internal sealed class MapState : RetryableState
{
    public override string Type => "Map";

    public override string? AbortedEventType => HistoryEventTypes.MapStateAborted;

    public required StateScope ItemProcessor { get; init; }

    public JsonPath ItemsPath { get; init; } = JsonPath.Parse("$");

    public PayloadTemplate? ItemSelector { get; init; }

    public int MaxConcurrency { get; init; }

    public JsonPath? MaxConcurrencyPath { get; init; }

    /// <summary>
    /// ToleratedFailureCount/Percentage (or their *Path forms) are read and checked, but an inline Map — the
    /// only mode this engine runs — fails on its first failed iteration whatever they say, as AWS documents
    /// for Inline mode ("if any iteration fails, the Map state fails"); the thresholds govern Distributed Map runs.
    /// </summary>
    public int? ToleratedFailureCount { get; init; }

    public JsonPath? ToleratedFailureCountPath { get; init; }

    public double? ToleratedFailurePercentage { get; init; }

    public JsonPath? ToleratedFailurePercentagePath { get; init; }

    /// <summary>JSONata: the array to iterate (a literal array or an expression); default: the state input.</summary>
    public JsonataTemplate? Items { get; init; }

    /// <summary>JSONata: each iteration's input, with <c>$states.context.Map.Item.Index</c> and <c>.Value</c>.</summary>
    public JsonataTemplate? ItemSelectorQuery { get; init; }

    public JsonataTemplate? MaxConcurrencyQuery { get; init; }

    public JsonataTemplate? ToleratedFailureCountQuery { get; init; }

    public JsonataTemplate? ToleratedFailurePercentageQuery { get; init; }

    protected override async Task<JsonNode?> ProduceResultAsync(StateRun run, PathScope scope, int retryCount)
    {
        var (items, concurrency) = UsesJsonata ? ReadJsonata(run, scope) : ReadPaths(scope);
        run.Record(HistoryEventTypes.MapStateStarted, EventDetail.MapStateStarted(items.Count));

        using var iterations = new FailFastForkJoin(run);
        var results = await iterations.RunAsync(items.Count, concurrency, async (index, strand) =>
        {
            // Iterations waiting for a concurrency slot never start once another has failed.
            if (iterations.IsStopped)
            {
                return new BranchResult.Cancelled();
            }

            var cursor = run.Cursor.Fork();
            run.Execution.History.Add(cursor, HistoryEventTypes.MapIterationStarted, EventDetail.MapIteration("mapIterationStartedEventDetails", Name, index));
            try
            {
                var itemInput = SelectItem(run, scope, items, index);
                var result = await ScopeRunner.RunAsync(ItemProcessor, itemInput, run.Execution, strand, cursor, new VariableScope(run.Variables), iterations.Stop).ConfigureAwait(false);
                if (result is BranchResult.Failed failed)
                {
                    throw failed.Error;
                }

                run.Execution.History.Add(cursor, HistoryEventTypes.MapIterationSucceeded, EventDetail.MapIteration("mapIterationSucceededEventDetails", Name, index));
                return result;
            }
            catch (StatesException error)
            {
                run.Execution.History.Add(cursor, HistoryEventTypes.MapIterationFailed, EventDetail.MapIteration("mapIterationFailedEventDetails", Name, index));
                iterations.Fail(error);
                return new BranchResult.Failed(error);
            }
            catch (OperationCanceledException) when (iterations.IsStopped)
            {
                run.Execution.History.Add(cursor, HistoryEventTypes.MapIterationAborted, EventDetail.MapIteration("mapIterationAbortedEventDetails", Name, index));
                if (run.CancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                return new BranchResult.Cancelled();
            }
        }).ConfigureAwait(false);

        run.Record(HistoryEventTypes.MapStateSucceeded);
        return results;
    }

    protected override void OnAttemptsExhausted(StateRun run) => run.Record(HistoryEventTypes.MapStateFailed);

    private (JsonArray Items, int Concurrency) ReadPaths(PathScope scope)
    {
        if (!scope.Select(ItemsPath, out var selected) || selected is not JsonArray items)
        {
            throw StatesException.Runtime($"The ItemsPath '{ItemsPath.Text}' must select an array in the input '{JsonText.Serialize(scope.Input)}'");
        }

        var concurrency = MaxConcurrencyPath is null ? MaxConcurrency : ReadConcurrency(scope);
        ReadToleratedFailures(scope);
        return (items, concurrency);
    }

    private (JsonArray Items, int Concurrency) ReadJsonata(StateRun run, PathScope scope)
    {
        var step = JsonataStep.OnInput(run, scope);
        var items = Items is null
            ? scope.Input as JsonArray ?? throw StatesException.Runtime($"The input of a Map state without Items must be an array, got '{JsonText.Serialize(scope.Input)}'")
            : JsonataFields.Array(step, Items, "Items");
        var concurrency = MaxConcurrencyQuery is null ? MaxConcurrency : (int)JsonataFields.Integer(step, MaxConcurrencyQuery, "MaxConcurrency", min: 0);
        if (ToleratedFailureCountQuery is not null)
        {
            JsonataFields.Integer(step, ToleratedFailureCountQuery, "ToleratedFailureCount", min: 0);
        }

        if (ToleratedFailurePercentageQuery is not null)
        {
            JsonataFields.Number(step, ToleratedFailurePercentageQuery, "ToleratedFailurePercentage", 0, 100);
        }

        return (items, concurrency);
    }

    private JsonNode? SelectItem(StateRun run, PathScope scope, JsonArray items, int index)
    {
        var itemScope = scope with { Context = scope.Context.WithMapItem(new MapItem(index, items[index])) };
        if (UsesJsonata)
        {
            return ItemSelectorQuery is null
                ? JsonText.Clone(items[index])
                : ItemSelectorQuery.Evaluate(JsonataStep.OnInput(run, itemScope), "ItemSelector");
        }

        return ItemSelector is null ? JsonText.Clone(items[index]) : ItemSelector.Evaluate(itemScope);
    }

    private void ReadToleratedFailures(PathScope scope)
    {
        if (ToleratedFailureCountPath is { } countPath
            && !(scope.Select(countPath, out var count) && JsonScalars.TryGetInteger(count, out var n) && n >= 0))
        {
            throw StatesException.Runtime($"The ToleratedFailureCountPath '{countPath.Text}' must select a non-negative integer");
        }

        if (ToleratedFailurePercentagePath is { } percentagePath
            && !(scope.Select(percentagePath, out var percentage) && JsonScalars.TryGetDouble(percentage, out var p) && p is >= 0 and <= 100))
        {
            throw StatesException.Runtime($"The ToleratedFailurePercentagePath '{percentagePath.Text}' must select a number from 0 to 100");
        }
    }

    private int ReadConcurrency(PathScope scope) =>
        scope.Select(MaxConcurrencyPath!, out var value) && JsonScalars.TryGetInteger(value, out var n) && n >= 0 && n <= int.MaxValue
            ? (int)n
            : throw StatesException.Runtime($"The MaxConcurrencyPath '{MaxConcurrencyPath!.Text}' must select a non-negative integer");
}
