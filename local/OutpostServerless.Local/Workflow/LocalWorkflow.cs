using System.Diagnostics;
using System.Text.Json.Nodes;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.StateFiles;
using OutpostServerless.Provisioning.Tagging;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.Workflow;

/// <summary>
/// A provisioning run with nothing faked but AWS: the state machine definition and function handlers
/// from template.yaml, the real step code, the local engine on a virtual clock, and the emulated
/// Region + Outpost in place of AWS.
/// </summary>
public sealed class LocalWorkflow
{
    public const string ProvisionStateMachine = "ProvisionStateMachine";
    public const string TeardownStateMachine = "TeardownStateMachine";

    /// <summary>Where a run's virtual clock starts when there is no saved world to continue from.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly SamTemplate template;
    private readonly string stateMachineLogicalId;
    private readonly string stateMachineArn;
    private readonly StateMachineDefinition definition;

    /// <summary>The template's state machine <paramref name="stateMachineLogicalId"/>.</summary>
    public LocalWorkflow(SamTemplate template, string stateMachineLogicalId = ProvisionStateMachine)
        : this(template, stateMachineLogicalId, StateMachineDefinition.Parse(template.DefinitionOf(stateMachineLogicalId)), template.StateMachines[stateMachineLogicalId].Arn)
    {
    }

    /// <summary>
    /// Any definition (e.g. one made by CreateStateMachine) under <paramref name="stateMachineArn"/>, its tasks
    /// invoking the template's functions.
    /// </summary>
    public LocalWorkflow(SamTemplate template, string name, StateMachineDefinition definition, string stateMachineArn)
    {
        ArgumentNullException.ThrowIfNull(template);
        this.template = template;
        stateMachineLogicalId = name;
        this.definition = definition;
        this.stateMachineArn = stateMachineArn;
    }

    /// <summary>The template's logical id of the state machine this runs (for a created one, its name).</summary>
    public string StateMachineLogicalId => stateMachineLogicalId;

    public StateMachineDefinition Definition => definition;

    public async Task<LocalRunResult> RunAsync(LocalRunSettings settings, Action<HistoryEvent>? observer, CancellationToken cancellationToken)
    {
        if (settings.AwsEndpoint is { } endpoint)
        {
            return await RunAgainstEndpointAsync(settings, endpoint, observer, cancellationToken);
        }

        // Locked (and checked writable) before anything runs; released when the run has saved.
        await using var stateFile = settings.StateFile is { } path ? await StateFile.OpenAsync(path, settings.Command, cancellationToken) : null;
        return await RunAsync(stateFile, settings, observer, cancellationToken);
    }

    /// <summary>As <see cref="RunAsync(LocalRunSettings, Action{HistoryEvent}?, CancellationToken)"/> on a state file the caller holds (null: a new world, not kept).</summary>
    public async Task<LocalRunResult> RunAsync(StateFile? stateFile, LocalRunSettings settings, Action<HistoryEvent>? observer, CancellationToken cancellationToken)
    {
        var (cloud, clock) = stateFile?.LoadOnVirtualClock() ?? NewWorld();
        template.DeployTo(cloud);
        ShapeCapacity(cloud, clock, settings);
        foreach (var fault in settings.Faults)
        {
            cloud.InjectFault(fault.Operation, fault.ErrorCode, $"Injected by --fault {fault.Operation}={fault.ErrorCode}.", fault.Times);
        }

        cloud.Calls.Reset();

        // --lambda process: the functions run as bootstrap processes and reach this world over HTTP.
        await using var processes = settings.Lambda == LambdaMode.Process
            ? await ProcessLambdaInvoker.StartAsync(template, cloud, settings.Bootstrap?.Path ?? ProcessLambdaInvoker.DefaultBootstrap(), cancellationToken)
            : null;
        var (execution, wall) = await RunTimedAsync(processes ?? (ITaskInvoker)new InProcessLambdaInvoker(template, cloud.PortsFor, clock), clock, settings, observer, cancellationToken);

        var provisioningId = ProvisioningIdOf(settings);
        if (stateFile is not null)
        {
            stateFile.Record(LocalExecutionRecord.Of(stateMachineLogicalId, settings.ExecutionName, settings.Request, execution, cloud.Calls.MutatingTotal));
            await stateFile.SaveAsync(cloud, cancellationToken);
        }

        return new LocalRunResult(
            execution,
            provisioningId,
            cloud.ResourcesTagged(ProvisioningTags.ProvisioningIdKey, provisioningId),
            cloud.Calls.Counts,
            cloud.Calls.MutatingTotal,
            (execution.StopDate - execution.StartDate).TotalSeconds,
            wall.TotalMilliseconds);
    }

    /// <summary>
    /// Runs one execution against a world the caller made and keeps: no capacity shaping, no injected
    /// faults, no state file — the caller does what it wants with <see cref="LocalExecution.Cloud"/>
    /// before and after.
    /// </summary>
    public Task<ExecutionResult> ExecuteAsync(LocalExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        template.DeployTo(execution.Cloud);
        ITaskInvoker invoker = new InProcessLambdaInvoker(template, execution.Ports is { } ports ? _ => ports : execution.Cloud.PortsFor, execution.Clock);
        invoker = execution.WrapInvoker?.Invoke(invoker) ?? invoker;
        var runner = new StateMachineRunner(definition, invoker, execution.Clock, execution.Tokens ?? new TaskTokens(execution.Clock));
        return runner.RunAsync(execution.Request?.DeepClone(), new ExecutionOptions
        {
            ExecutionName = execution.ExecutionName,
            StateMachineArn = stateMachineArn,
            Jitter = execution.Jitter,
            Observer = execution.Observer,
        }, cancellationToken);
    }

    /// <summary>
    /// <c>run --aws-endpoint</c>: the steps' ports are the real clients at the endpoint, signing with real time;
    /// the embedded emulator is not made, so the calls are counted on the client side and what the run made is
    /// in the endpoint's account, not listed here.
    /// </summary>
    /// <remarks>
    /// The engine runs on real time here. The endpoint's world (<c>emulator serve</c>, or AWS) moves with the
    /// wall clock, and a Wait or retry interval exists to give it time to act — an instance to boot and
    /// register, a metric to be published. A virtual wait takes no real time: the container-instance poll
    /// would spend its retries in milliseconds and fail. A world on the engine's virtual clock is reached
    /// over HTTP with <see cref="ExecuteAsync"/> and <see cref="LocalExecution.Ports"/> instead.
    /// </remarks>
    private async Task<LocalRunResult> RunAgainstEndpointAsync(LocalRunSettings settings, Uri endpoint, Action<HistoryEvent>? observer, CancellationToken cancellationToken)
    {
        var conflicts = AwsEndpointRun.Conflicts(settings);
        if (conflicts.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", conflicts), nameof(settings));
        }

        var calls = new ClientCallCounter();
        using var clients = AwsPortsFactory.Create(AwsEndpointRun.ClientOptions(endpoint, calls, new ProcessEnvironment()));
        var clock = TimeProvider.System;
        var (execution, wall) = await RunTimedAsync(new InProcessLambdaInvoker(template, _ => clients.Ports, clock), clock, settings, observer, cancellationToken);
        return new LocalRunResult(
            execution,
            ProvisioningIdOf(settings),
            [],
            calls.Counts,
            calls.MutatingTotal,
            (execution.StopDate - execution.StartDate).TotalSeconds,
            wall.TotalMilliseconds);
    }

    /// <summary>The request's provisioning id, else the execution name: ValidateRequest's own rule.</summary>
    /// <summary>One execution of the request, and the wall time it took.</summary>
    private async Task<(ExecutionResult Execution, TimeSpan Wall)> RunTimedAsync(
        ITaskInvoker functions, TimeProvider clock, LocalRunSettings settings, Action<HistoryEvent>? observer, CancellationToken cancellationToken)
    {
        var runner = new StateMachineRunner(definition, functions, clock);
        var options = new ExecutionOptions
        {
            ExecutionName = settings.ExecutionName,
            StateMachineArn = stateMachineArn,
            Observer = observer,
        };
        var started = Stopwatch.GetTimestamp();
        var execution = await runner.RunAsync(settings.Request?.DeepClone(), options, cancellationToken);
        return (execution, Stopwatch.GetElapsedTime(started));
    }

    private static string ProvisioningIdOf(LocalRunSettings settings) => LocalExecutionRecord.ProvisioningIdOf(settings.Request, settings.ExecutionName);

    /// <summary>A new emulated world on a virtual clock at <see cref="DefaultStart"/>.</summary>
    public static (EmulatedCloud Cloud, VirtualClock Clock) NewWorld()
    {
        var clock = new VirtualClock(DefaultStart);
        return (new EmulatedCloud(clock), clock);
    }

    private static void ShapeCapacity(EmulatedCloud cloud, TimeProvider clock, LocalRunSettings settings)
    {
        var cluster = settings.Request?["cluster"];
        if (cluster?["instanceType"] is not JsonValue typeValue || !typeValue.TryGetValue<string>(out var instanceType))
        {
            return; // validation will name the missing field; there is no type to shape
        }

        var needed = cluster["instanceCount"] is JsonValue countValue && countValue.TryGetValue<int>(out var count) ? Math.Max(count, 1) : 1;
        if (settings.CapacityArrivesAfterSeconds is { } after)
        {
            cloud.SetFreeSlots(instanceType, settings.Capacity ?? 0);
            cloud.ScheduleFreeSlots(clock.GetUtcNow().AddSeconds(after), instanceType, Math.Max(needed, settings.Capacity ?? 0));
        }
        else if (settings.Capacity is { } free)
        {
            cloud.SetFreeSlots(instanceType, free);
        }
    }
}
