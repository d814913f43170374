using System.Text.Json.Nodes;
using System.Threading.Channels;
using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.StateFiles;
using OutpostServerless.Local.Workflow;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.StepFunctions;

/// <summary>
/// Step Functions, locally: the template's state machines (and any made by CreateStateMachine), their
/// executions run through <see cref="LocalWorkflow"/> on one shared emulated world (a provisioning sees what
/// earlier ones made). As on AWS, StartExecution returns at once with the execution RUNNING; executions run
/// one after another in the background on the world's clock — virtual for <c>serve</c>, real time for
/// <c>emulator serve</c> — and the world is saved to the state file (if any) after each.
/// </summary>
public sealed class LocalStepFunctions : IAsyncDisposable
{
    private const int MaxInputBytes = 262_144;

    private readonly Lock sync = new();
    private readonly Dictionary<string, ServedExecution> executions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LocalStateMachine> machines;
    private readonly SamTemplate template;
    private readonly Channel<ServedExecution> queue = Channel.CreateUnbounded<ServedExecution>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource stopping = new();
    private readonly StateFile? stateFile;
    private readonly Task worker;
    private readonly InProcessLambdaInvoker functions;
    private int disposed;

    public LocalStepFunctions(SamTemplate template, EmulatedCloud cloud, TimeProvider clock, StateFile? stateFile = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(cloud);
        template.DeployTo(cloud);
        this.template = template;
        Cloud = cloud;
        Clock = clock;
        Tokens = new TaskTokens(clock);
        TaskCallbacks = new LocalTaskCallbacks(Tokens, clock);
        functions = new InProcessLambdaInvoker(template, cloud.PortsFor, clock, new LocalStepFunctionsClient(this), TaskCallbacks);
        this.stateFile = stateFile;
        var deployed = clock.GetUtcNow();
        machines = template.StateMachines.Values.ToDictionary(
            m => m.Arn,
            m => new LocalStateMachine(
                m.Arn, m.Name, template.DefinitionOf(m.LogicalId), $"arn:aws:iam::{template.Environment.AccountId}:role/{m.LogicalId}Role",
                LocalStateMachine.Standard, deployed, new LocalWorkflow(template, m.LogicalId)),
            StringComparer.Ordinal);
        worker = RunAsync(stopping.Token);
    }

    public EmulatedCloud Cloud { get; }

    /// <summary>The world's clock: a <see cref="VirtualClock"/> (<c>serve</c>, <c>events put</c>) or real time (<c>emulator serve</c>).</summary>
    public TimeProvider Clock { get; }

    /// <summary>The task tokens of every execution here: SendTaskSuccess from any function reaches any of them.</summary>
    public TaskTokens Tokens { get; }

    /// <summary>SendTaskSuccess as the functions call it here.</summary>
    public LocalTaskCallbacks TaskCallbacks { get; }

    /// <summary>
    /// Invokes a function of the template on this world, as an EventBridge rule or another service does (the
    /// capacity wake-up ends parked executions through <see cref="TaskCallbacks"/>).
    /// </summary>
    public Task<TaskOutcome> InvokeFunctionAsync(SamFunction function, JsonNode? input, string invokedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        return functions.InvokeAsync(new TaskInvocation(function.Arn, input, invokedBy, 0), cancellationToken);
    }

    /// <summary>
    /// A world loaded from <paramref name="stateFile"/> when it exists (and saved there after each execution),
    /// else a new one. The file stays locked until disposal; throws <see cref="StateFileException"/> (an
    /// <see cref="IOException"/>) for a state file it cannot lock, read or write.
    /// </summary>
    public static async Task<LocalStepFunctions> OpenAsync(SamTemplate template, string? stateFile, CancellationToken cancellationToken, string command = "serve")
    {
        if (stateFile is null)
        {
            var (newCloud, clock) = LocalWorkflow.NewWorld();
            return new LocalStepFunctions(template, newCloud, clock);
        }

        var file = await StateFile.OpenAsync(stateFile, command, cancellationToken);
        var (cloud, fileClock) = file.LoadOnVirtualClock();
        return new LocalStepFunctions(template, cloud, fileClock, file);
    }

    /// <summary>Every state machine, sorted by name (ListStateMachines).</summary>
    public IReadOnlyList<LocalStateMachine> StateMachines
    {
        get
        {
            lock (sync)
            {
                return [.. machines.Values.OrderBy(m => m.Name, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>DescribeStateMachine.</summary>
    public LocalStateMachine DescribeStateMachine(string stateMachineArn)
    {
        StatesArns.Check(stateMachineArn, StatesArns.StateMachine);
        lock (sync)
        {
            return FindMachine(stateMachineArn);
        }
    }

    /// <summary>
    /// CreateStateMachine: a STANDARD or EXPRESS machine whose Task states may invoke the template's functions.
    /// The same name, definition and role again returns the existing machine (AWS's idempotent create); the same
    /// name otherwise is <c>StateMachineAlreadyExists</c>; a definition the engine refuses is <c>InvalidDefinition</c>.
    /// </summary>
    public LocalStateMachine CreateStateMachine(string name, string definition, string roleArn, string? type)
    {
        ExecutionNames.Check(name);
        CheckRoleArn(roleArn);

        var machineType = type ?? LocalStateMachine.Standard;
        if (machineType is not (LocalStateMachine.Standard or "EXPRESS"))
        {
            throw new StepFunctionsException("ValidationException", $"1 validation error detected: Value '{machineType}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]");
        }

        StateMachineDefinition parsed;
        try
        {
            parsed = StateMachineDefinition.Parse(definition);
        }
        catch (Exception refused) when (refused is DefinitionValidationException or System.Text.Json.JsonException)
        {
            throw new StepFunctionsException("InvalidDefinition", $"Invalid State Machine Definition: '{refused.Message}'");
        }

        var arn = template.Environment.StateMachineArn(name);
        lock (sync)
        {
            if (machines.TryGetValue(arn, out var existing))
            {
                return existing.Definition == definition && existing.RoleArn == roleArn && existing.Type == machineType
                    ? existing
                    : throw new StepFunctionsException("StateMachineAlreadyExists", $"State Machine Already Exists: '{arn}'");
            }

            var machine = new LocalStateMachine(arn, name, definition, roleArn, machineType, Clock.GetUtcNow(), new LocalWorkflow(template, name, parsed, arn));
            machines[arn] = machine;
            return machine;
        }
    }

    /// <summary>
    /// TestState: one state run once on this world, its Task calling the template's functions in process as
    /// executions do (or answered by the test's mock), in an express execution of a machine named TestState.
    /// Refusals come back as AWS words them (InvalidDefinition, ValidationException, InvalidArn).
    /// </summary>
    public async Task<StateTestResult> TestStateAsync(StateTest test, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (test.RoleArn is { } roleArn)
        {
            CheckRoleArn(roleArn);
        }

        try
        {
            return await new StateTester(functions, Clock).TestAsync(test with { StateMachineArn = template.Environment.StateMachineArn("TestState") }, cancellationToken);
        }
        catch (StateTestException refused)
        {
            throw new StepFunctionsException(refused.Code.ToString(), refused.Message);
        }
    }

    /// <summary>DeleteStateMachine: gone from the list at once; its executions keep running and stay describable. An unknown ARN is no error, as on AWS.</summary>
    public void DeleteStateMachine(string stateMachineArn)
    {
        StatesArns.Check(stateMachineArn, StatesArns.StateMachine);
        lock (sync)
        {
            machines.Remove(stateMachineArn);
        }
    }

    /// <summary>
    /// StartExecution: <paramref name="name"/> null draws a UUID. The same name and input as a RUNNING
    /// execution returns that execution (Standard workflows are idempotent so); any other reuse of a name is
    /// <c>ExecutionAlreadyExists</c>.
    /// </summary>
    public ExecutionDescription StartExecution(string stateMachineArn, string? name, JsonNode? input)
    {
        StatesArns.Check(stateMachineArn, StatesArns.StateMachine);
        LocalStateMachine machine;
        lock (sync)
        {
            machine = FindMachine(stateMachineArn);
        }

        name ??= Guid.NewGuid().ToString();
        ExecutionNames.Check(name);
        var inputText = WireJson.Text(input);
        if (System.Text.Encoding.UTF8.GetByteCount(inputText) > MaxInputBytes)
        {
            throw new StepFunctionsException("InvalidExecutionInput", $"The input is larger than {MaxInputBytes} bytes.");
        }

        var arn = machine.ExecutionArn(name);
        lock (sync)
        {
            if (executions.TryGetValue(arn, out var existing))
            {
                return existing.Snapshot() is { IsRunning: true } running && JsonNode.DeepEquals(running.Input, input)
                    ? running
                    : throw new StepFunctionsException("ExecutionAlreadyExists", $"Execution Already Exists: '{arn}'");
            }

            var execution = new ServedExecution(arn, stateMachineArn, name, input?.DeepClone(), Clock.GetUtcNow(), machine.Workflow);
            executions[arn] = execution;
            queue.Writer.TryWrite(execution);
            return execution.Snapshot();
        }
    }

    /// <summary>Every execution started so far, in no particular order.</summary>
    public IReadOnlyList<ExecutionDescription> Executions
    {
        get
        {
            lock (sync)
            {
                return [.. executions.Values.Select(e => e.Snapshot())];
            }
        }
    }

    /// <summary>DescribeExecution.</summary>
    public ExecutionDescription DescribeExecution(string executionArn)
    {
        StatesArns.Check(executionArn, StatesArns.Execution);
        lock (sync)
        {
            return FindExecution(executionArn).Snapshot();
        }
    }

    /// <summary>ListExecutions of one state machine, newest first, optionally only those in <paramref name="status"/>.</summary>
    public IReadOnlyList<ExecutionDescription> ListExecutions(string stateMachineArn, string? status)
    {
        StatesArns.Check(stateMachineArn, StatesArns.StateMachine);
        lock (sync)
        {
            FindMachine(stateMachineArn);
            return [.. executions.Values
                .Where(e => e.StateMachineArn == stateMachineArn)
                .Select(e => e.Snapshot())
                .Where(e => status is null || e.Status == status)
                .OrderByDescending(e => e.StartDate)
                .ThenBy(e => e.Name, StringComparer.Ordinal)];
        }
    }

    /// <summary>GetExecutionHistory: the events written so far, oldest first.</summary>
    public IReadOnlyList<HistoryEvent> History(string executionArn)
    {
        StatesArns.Check(executionArn, StatesArns.Execution);
        lock (sync)
        {
            return FindExecution(executionArn).History;
        }
    }

    /// <summary>
    /// StopExecution: a queued execution ends ABORTED at once, a running one at its next step (the engine writes
    /// ExecutionAborted); one already stopped is left as it is. Returns the execution once stopped.
    /// </summary>
    public async Task<ExecutionDescription> StopExecutionAsync(string executionArn, string? error, string? cause, CancellationToken cancellationToken)
    {
        StatesArns.Check(executionArn, StatesArns.Execution);
        ServedExecution execution;
        lock (sync)
        {
            execution = FindExecution(executionArn);
            if (execution.HasEnded)
            {
                return execution.Snapshot();
            }

            execution.RequestStop(error, cause);
        }

        await execution.Stopping.CancelAsync();
        return await execution.Stopped.Task.WaitAsync(cancellationToken);
    }

    /// <summary>SendTaskSuccess: ends the callback task holding <paramref name="taskToken"/> with <paramref name="output"/> (JSON text).</summary>
    public void SendTaskSuccess(string taskToken, string output) => Deliver(() => Tokens.SendTaskSuccess(taskToken, output));

    /// <summary>SendTaskFailure: fails the callback task holding <paramref name="taskToken"/>.</summary>
    public void SendTaskFailure(string taskToken, string? error, string? cause) => Deliver(() => Tokens.SendTaskFailure(taskToken, error, cause));

    /// <summary>SendTaskHeartbeat: restarts the HeartbeatSeconds clock of the task holding <paramref name="taskToken"/>.</summary>
    public void SendTaskHeartbeat(string taskToken) => Deliver(() => Tokens.SendTaskHeartbeat(taskToken));

    /// <summary>The execution once it has stopped (SUCCEEDED, FAILED, ...).</summary>
    public Task<ExecutionDescription> WhenStoppedAsync(string executionArn, CancellationToken cancellationToken)
    {
        ServedExecution execution;
        lock (sync)
        {
            execution = FindExecution(executionArn);
        }

        return execution.Stopped.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops the executions and releases the state file; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        queue.Writer.TryComplete();
        await stopping.CancelAsync();
        try
        {
            await worker;
        }
        catch (OperationCanceledException)
        {
            // Stopping: executions still queued stay RUNNING, as an abandoned local run would.
        }

        stopping.Dispose();
        if (stateFile is not null)
        {
            await stateFile.DisposeAsync();
        }
    }

    /// <summary>
    /// Every execution here stands for one account, so one registry holds all their tokens (<see cref="Tokens"/>),
    /// and its refusals are AWS's: InvalidToken, TaskDoesNotExist, TaskTimedOut for a closed task.
    /// </summary>
    private static void Deliver(Action send)
    {
        try
        {
            send();
        }
        catch (TaskTokenException refused)
        {
            throw new StepFunctionsException(refused.ErrorCode, refused.Message);
        }
    }

    private static void CheckRoleArn(string roleArn)
    {
        if (!roleArn.StartsWith("arn:aws:iam::", StringComparison.Ordinal) || !roleArn.Contains(":role/", StringComparison.Ordinal))
        {
            throw new StepFunctionsException("InvalidArn", $"Invalid Arn: 'Resource type not valid in this context: {roleArn}'");
        }
    }

    private LocalStateMachine FindMachine(string stateMachineArn) =>
        machines.TryGetValue(stateMachineArn, out var machine)
            ? machine
            : throw new StepFunctionsException("StateMachineDoesNotExist", $"State Machine Does Not Exist: '{stateMachineArn}'");

    private ServedExecution FindExecution(string executionArn) =>
        executions.TryGetValue(executionArn, out var execution)
            ? execution
            : throw new StepFunctionsException("ExecutionDoesNotExist", $"Execution Does Not Exist: '{executionArn}'");

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var execution in queue.Reader.ReadAllAsync(cancellationToken))
        {
            ExecutionResult result;
            var mutatingBefore = Cloud.Calls.MutatingTotal;
            if (execution.Stopping.IsCancellationRequested)
            {
                // Stopped while queued: it never ran a state.
                result = new ExecutionResult(ExecutionStatus.Aborted, null, null, null, [], 0, execution.StartDate, Clock.GetUtcNow());
            }
            else
            {
                using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, execution.Stopping.Token);
                try
                {
                    var local = new LocalExecution
                    {
                        Cloud = Cloud,
                        Clock = Clock,
                        Request = execution.Input,
                        ExecutionName = execution.Name,
                        Tokens = Tokens,
                        Observer = written =>
                        {
                            lock (sync)
                            {
                                execution.Record(written);
                            }
                        },
                    };
                    result = await execution.Workflow.ExecuteAsync(local, run.Token);
                }
                catch (Exception crashed) when (crashed is not OperationCanceledException)
                {
                    // The engine itself failed (not the workflow): report it as Step Functions reports a runtime error.
                    result = new ExecutionResult("FAILED", null, "States.Runtime", crashed.Message, [], 0, execution.StartDate, Clock.GetUtcNow());
                }
            }

            ExecutionDescription stopped;
            lock (sync)
            {
                execution.End(result);
                stopped = execution.Snapshot();
            }

            if (stateFile is not null)
            {
                stateFile.Record(LocalExecutionRecord.Of(execution.Workflow.StateMachineLogicalId, execution.Name, execution.Input, result, Cloud.Calls.MutatingTotal - mutatingBefore));
                await stateFile.SaveAsync(Cloud, cancellationToken);
            }

            execution.Stopped.TrySetResult(stopped);
        }
    }
}
