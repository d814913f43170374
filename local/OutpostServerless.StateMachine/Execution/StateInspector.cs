using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine.Execution;

/// <summary>
/// Watches one state as TestState runs it: the value after each <see cref="DataFlowStage"/> (the states report
/// them from the one data-flow pipeline executions run) and what Retry and Catch decided. A state watched so
/// runs a single attempt: where a Retrier would retry, the state fails and the inspector keeps the retry it
/// would have made, as TestState answers RETRIABLE instead of retrying.
/// </summary>
internal sealed class StateInspector(int retriesMade)
{
    private readonly Dictionary<DataFlowStage, JsonNode?> stages = [];

    /// <summary>The retries the applicable Retrier already made before this attempt (TestState's <c>retrierRetryCount</c>).</summary>
    public int RetriesMade { get; } = retriesMade;

    /// <summary>The Retrier that took the error (also when it had no attempt left), by its index in Retry.</summary>
    public int? RetryIndex { get; private set; }

    /// <summary>The wait before the retry the Retrier would make; null when it had no attempt left.</summary>
    public TimeSpan? RetryBackoff { get; private set; }

    /// <summary>The Catcher that took the error, by its index in Catch.</summary>
    public int? CatchIndex { get; private set; }

    /// <summary>The error a Catcher took.</summary>
    public StatesException? CaughtError { get; private set; }

    /// <summary>
    /// TestState's mock of a Map or Parallel state: it stands for the iterations' or branches' whole work, which
    /// then never runs (a Task's mock answers its invocation instead, after its Parameters).
    /// </summary>
    public MockedResponse? MockedWork { get; init; }

    /// <summary>The mocked work's result, or its error thrown as the state's own.</summary>
    public JsonNode? MockedResult() => MockedWork?.Outcome() switch
    {
        TaskOutcome.Succeeded succeeded => JsonText.Adopt(succeeded.Output),
        TaskOutcome.Failed failed => throw new StatesException(failed.Error, failed.Cause),
        _ => throw new InvalidOperationException("No work is mocked."),
    };

    public void Record(DataFlowStage stage, JsonNode? value) => stages[stage] = JsonText.Clone(value);

    public bool TryGet(DataFlowStage stage, out JsonNode? value) => stages.TryGetValue(stage, out value);

    public void Retrying(int retrierIndex, TimeSpan backoff) => (RetryIndex, RetryBackoff) = (retrierIndex, backoff);

    public void RetriesExhausted(int retrierIndex) => RetryIndex = retrierIndex;

    public void CaughtBy(int catcherIndex, StatesException error) => (CatchIndex, CaughtError) = (catcherIndex, error);
}
