using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Clock;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.Execution;
using OutpostServerless.StateMachine.History;
using OutpostServerless.StateMachine.Intrinsics;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;
using OutpostServerless.StateMachine.States;
using OutpostServerless.StateMachine.Variables;

namespace OutpostServerless.StateMachine;

/// <summary>
/// AWS Step Functions' TestState: runs one state, once, through the same state code executions run, and
/// answers with its outcome and (DEBUG, TRACE) the value after each stage of its data flow. Task states call
/// <paramref name="invoker"/> (the same functions executions call) unless a mock answers for them. As on AWS
/// (TestState API reference): no retry is made — a Retrier that would retry makes the status RETRIABLE;
/// a Catcher that takes the error makes it CAUGHT_ERROR with the Catcher's Next; the test may run five
/// minutes, then fails with States.Timeout. Time passes on <paramref name="clock"/>, so a Wait state waits.
/// A Map or Parallel state runs only with a mock, which stands for its iterations' or branches' work.
/// </summary>
public sealed class StateTester(ITaskInvoker invoker, TimeProvider clock)
{
    /// <summary>AWS: "The TestState API can run for up to five minutes".</summary>
    private static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(5);

    /// <exception cref="StateTestException">The request is refused before the state runs, as AWS refuses it.</exception>
    public async Task<StateTestResult> TestAsync(StateTest test, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(test);
        var state = TestedState.Parse(test.Definition, test.StateName, new JsonataEvaluator());
        Refuse(test, state);

        var timeline = Timeline.For(clock);
        var strand = await timeline.EnterAsync().ConfigureAwait(false);
        strand.MakeCurrent();
        try
        {
            return await RunAsync(test, state, timeline, strand, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            strand.Exit();
        }
    }

    /// <summary>What AWS refuses with a state in hand (recorded AWS answers, LocalStack's TestState snapshot tests).</summary>
    private static void Refuse(StateTest test, State state)
    {
        if (state is MapState or ParallelState)
        {
            // AWS runs these only with a mock, which stands for their whole work.
            if (test.Mock is null)
            {
                throw new StateTestException(
                    StateTestErrorCode.InvalidDefinition,
                    "TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]");
            }

            if (test.Mock is StateTestMock.Returns { Result: var result } && result is not JsonArray)
            {
                throw new StateTestException(StateTestErrorCode.ValidationException, "Mocked result must be an array.");
            }

            if (state is ParallelState parallel && test.Mock is StateTestMock.Returns { Result: JsonArray branches } && branches.Count != parallel.Branches.Count)
            {
                throw new StateTestException(StateTestErrorCode.ValidationException, "Mocked result must contain the same number of items as number of Parallel branches.");
            }
        }

        if (test.Mock is not null && state is not (TaskState or MapState or ParallelState))
        {
            throw new StateTestException(StateTestErrorCode.ValidationException, $"State type '{state.Type}' is not supported when a mock is specified");
        }

        if (state is TaskState task && test.Mock is null)
        {
            if (test.RoleArn is null)
            {
                throw new StateTestException(StateTestErrorCode.ValidationException, "RoleArn must be specified when testing a Task state");
            }

            if (task.Resource.WaitsForTaskToken || task.Resource.Pattern is not Resources.IntegrationPattern.RequestResponse)
            {
                throw new StateTestException(
                    StateTestErrorCode.ValidationException,
                    $"TestState runs a .sync or .waitForTaskToken Task ('{task.Resource.Arn}') only with a mock. Fix: give mock.result or mock.errorOutput.");
            }
        }
    }

    private async Task<StateTestResult> RunAsync(StateTest test, State state, Timeline timeline, Strand strand, CancellationToken cancellationToken)
    {
        var random = new SynchronizedRandom(new Random());
        var machine = StateMachineArn.Parse(test.StateMachineArn);
        var executionName = UuidFunction.NewUuid(random);
        var startedAt = timeline.Now;
        var input = JsonText.Clone(test.Input);

        // TestState runs in an express execution of a state machine made for it.
        var identity = new ExecutionIdentity(
            $"arn:{machine.Partition}:states:{machine.Region}:{machine.Account}:express:{machine.Name}:{executionName}",
            executionName, JsonText.Clone(input), startedAt, test.RoleArn, test.StateMachineArn, machine.Name);
        // A Task's mock answers its invocation; a Map's or Parallel's stands for its whole work.
        var inspector = new StateInspector(test.RetrierRetryCount) { MockedWork = state is TaskState ? null : test.Mock?.Response };
        var mocked = test.Mock is null || state is not TaskState
            ? invoker
            : new MockedTaskInvoker(new MockTestCase(machine.Name, "TestState", new Dictionary<string, MockedStateResponses>(StringComparer.Ordinal)
            {
                [state.Name] = new MockedStateResponses("mock", [test.Mock.Response]),
            }));
        var execution = new ExecutionRun(timeline, mocked, new ExecutionHistory(clock, null), identity, random, machine.Region, new TaskTokens(clock).Callbacks)
        {
            Inspector = inspector,
        };
        var variables = new VariableScope(null);
        if (test.Variables is { Count: > 0 } given)
        {
            variables.Assign([.. given.Select(v => KeyValuePair.Create(v.Key, JsonText.Clone(v.Value)))]);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timedOut = 0;
        using var deadline = timeline.StartDeadline(MaxDuration, () =>
        {
            Volatile.Write(ref timedOut, 1);
            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The test ended as the timer fired.
            }
        });

        var context = new ContextObject(identity, TestedState.LoneStateName, startedAt, test.RetrierRetryCount);
        var run = new StateRun(execution, strand, new HistoryCursor(), context, enteredEventId: 0, variables, stop.Token);
        StateOutcome outcome;
        try
        {
            outcome = await state.ExecuteAsync(run, input).ConfigureAwait(false);
        }
        catch (StatesException error) when (!stop.IsCancellationRequested)
        {
            outcome = new StateFailed(error);
        }
        catch (OperationCanceledException) when (Volatile.Read(ref timedOut) == 1 && !cancellationToken.IsCancellationRequested)
        {
            outcome = new StateFailed(new StatesException(StatesErrorNames.Timeout, "The TestState run exceeded its limit of five minutes."));
        }

        var assigned = outcome switch
        {
            StateTransition t => t.Assigned,
            StateFinished f => f.Assigned,
            _ => null,
        };
        if (assigned is not null)
        {
            variables.Assign(assigned);
        }

        var result = outcome switch
        {
            StateTransition t when inspector.CaughtError is { } caught =>
                new StateTestResult(StateTestStatus.CaughtError, JsonText.Serialize(t.Output), ErrorName(caught), caught.Cause, t.Next, null),
            StateTransition t => new StateTestResult(StateTestStatus.Succeeded, JsonText.Serialize(t.Output), null, null, t.Next, null),
            StateFinished f => new StateTestResult(StateTestStatus.Succeeded, JsonText.Serialize(f.Output), null, null, null, null),
            StateFailed failed => new StateTestResult(
                inspector.RetryBackoff is null ? StateTestStatus.Failed : StateTestStatus.Retriable, null, ErrorName(failed.Error), failed.Error.Cause, null, null),
            _ => throw new InvalidOperationException($"Unknown outcome {outcome}"),
        };
        return test.InspectionLevel == InspectionLevel.Info ? result : result with { Inspection = Inspect(input, inspector, variables) };
    }

    private static string? ErrorName(StatesException error) => error.Error.Length == 0 ? null : error.Error;

    private static StateInspectionData Inspect(JsonNode? input, StateInspector inspector, VariableScope variables)
    {
        string? Stage(DataFlowStage stage) => inspector.TryGet(stage, out var value) ? JsonText.Serialize(value) : null;
        var visible = variables.Visible();
        return new StateInspectionData
        {
            Input = JsonText.Serialize(input),
            AfterInputPath = Stage(DataFlowStage.AfterInputPath),
            AfterParameters = Stage(DataFlowStage.AfterParameters),
            AfterArguments = Stage(DataFlowStage.AfterArguments),
            Result = Stage(DataFlowStage.Result),
            AfterResultSelector = Stage(DataFlowStage.AfterResultSelector),
            AfterResultPath = Stage(DataFlowStage.AfterResultPath),
            Variables = visible.Count == 0 ? null : JsonText.Serialize(new JsonObject([.. visible.Select(v => KeyValuePair.Create(v.Key, JsonText.Clone(v.Value)))])),
            ErrorDetails = inspector.RetryIndex is null && inspector.CatchIndex is null
                ? null
                : new InspectionErrorDetails(
                    inspector.CatchIndex,
                    inspector.RetryIndex,
                    inspector.RetryBackoff is { } backoff ? (int)Math.Round(backoff.TotalSeconds) : null),
        };
    }
}
