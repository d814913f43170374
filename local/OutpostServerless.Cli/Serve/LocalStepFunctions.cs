using System.Text.Json.Nodes;
using System.Threading.Channels;
using OutpostServerless.Cli.Local;
using OutpostServerless.Cli.Sam;
using OutpostServerless.Cli.StateFiles;
using OutpostServerless.Emulator;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Serve;

/// <summary>
/// Step Functions for the local triggers: StartExecution over the template's state
/// machines, every execution run through <see cref="LocalWorkflow"/> on one shared emulated world (a
/// provisioning sees what earlier ones made). As on AWS, StartExecution returns at once with the execution
/// RUNNING; executions run one after another in the background on the world's virtual clock, and the world
/// is saved to the state file (if any) after each.
/// </summary>
public sealed class LocalStepFunctions : IAsyncDisposable
{
    private const int MaxInputBytes = 262_144;

    private readonly Lock sync = new();
    private readonly Dictionary<string, Execution> executions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (SamStateMachine Machine, LocalWorkflow Workflow)> machines;
    private readonly Channel<Execution> queue = Channel.CreateUnbounded<Execution>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource stopping = new();
    private readonly StateFile? stateFile;
    private readonly Task worker;
    private readonly InProcessLambdaInvoker functions;

    public LocalStepFunctions(SamTemplate template, EmulatedCloud cloud, VirtualClock clock, StateFile? stateFile = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        template.DeployTo(cloud);
        Cloud = cloud;
        Clock = clock;
        Tokens = new TaskTokens(clock);
        TaskCallbacks = new LocalTaskCallbacks(Tokens, clock);
        functions = new InProcessLambdaInvoker(template, cloud.Ports, clock, new LocalStepFunctionsClient(this), TaskCallbacks);
        this.stateFile = stateFile;
        machines = template.StateMachines.Values.ToDictionary(
            m => m.Arn, m => (m, new LocalWorkflow(template, m.LogicalId)), StringComparer.Ordinal);
        worker = RunAsync(stopping.Token);
    }

    public EmulatedCloud Cloud { get; }

    public VirtualClock Clock { get; }

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

    /// <summary>
    /// StartExecution: <paramref name="name"/> null draws a UUID. The same name and input as a RUNNING
    /// execution returns that execution (Standard workflows are idempotent so); any other reuse of a name is
    /// <c>ExecutionAlreadyExists</c>.
    /// </summary>
    public ExecutionDescription StartExecution(string stateMachineArn, string? name, JsonNode? input)
    {
        if (!machines.TryGetValue(stateMachineArn, out var machine))
        {
            throw new StepFunctionsException("StateMachineDoesNotExist", $"State Machine Does Not Exist: '{stateMachineArn}'");
        }

        name ??= Guid.NewGuid().ToString();
        ExecutionNames.Check(name);
        var inputText = WireJson.Text(input);
        if (System.Text.Encoding.UTF8.GetByteCount(inputText) > MaxInputBytes)
        {
            throw new StepFunctionsException("InvalidExecutionInput", $"The input is larger than {MaxInputBytes} bytes.");
        }

        var arn = machine.Machine.ExecutionArn(name);
        lock (sync)
        {
            if (executions.TryGetValue(arn, out var existing))
            {
                return existing.Snapshot() is { IsRunning: true } running && JsonNode.DeepEquals(running.Input, input)
                    ? running
                    : throw new StepFunctionsException("ExecutionAlreadyExists", $"Execution Already Exists: '{arn}'");
            }

            var execution = new Execution(arn, stateMachineArn, name, input?.DeepClone(), Clock.GetUtcNow(), machine.Workflow);
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

    /// <summary>The execution once it has stopped (SUCCEEDED, FAILED, ...).</summary>
    public Task<ExecutionDescription> WhenStoppedAsync(string executionArn, CancellationToken cancellationToken)
    {
        Execution execution;
        lock (sync)
        {
            execution = executions.TryGetValue(executionArn, out var found)
                ? found
                : throw new StepFunctionsException("ExecutionDoesNotExist", $"Execution Does Not Exist: '{executionArn}'");
        }

        return execution.Stopped.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
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

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var execution in queue.Reader.ReadAllAsync(cancellationToken))
        {
            ExecutionResult result;
            var mutatingBefore = Cloud.Calls.MutatingTotal;
            try
            {
                result = await execution.Workflow.ExecuteAsync(new LocalExecution
                {
                    Cloud = Cloud,
                    Clock = Clock,
                    Request = execution.Input,
                    ExecutionName = execution.Name,
                    Tokens = Tokens,
                }, cancellationToken);
            }
            catch (Exception crashed) when (crashed is not OperationCanceledException)
            {
                // The engine itself failed (not the workflow): report it as Step Functions reports a runtime error.
                result = new ExecutionResult("FAILED", null, "States.Runtime", crashed.Message, [], 0, execution.StartDate, Clock.GetUtcNow());
            }

            ExecutionDescription stopped;
            lock (sync)
            {
                execution.Stop(result);
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

    /// <summary>One execution's record; changed only under the owner's lock.</summary>
    private sealed class Execution(string arn, string stateMachineArn, string name, JsonNode? input, DateTimeOffset startDate, LocalWorkflow workflow)
    {
        private ExecutionResult? result;

        public string Name => name;

        public JsonNode? Input => input;

        public DateTimeOffset StartDate => startDate;

        public LocalWorkflow Workflow => workflow;

        public TaskCompletionSource<ExecutionDescription> Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Stop(ExecutionResult finished) => result = finished;

        public ExecutionDescription Snapshot() => new(
            arn, stateMachineArn, name,
            result?.Status ?? ExecutionDescription.Running,
            startDate,
            result?.StopDate,
            input?.DeepClone(),
            result?.Output?.DeepClone(),
            result?.Error,
            result?.Cause);
    }
}
