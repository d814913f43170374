using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OutpostServerless.Cli.Sam;
using OutpostServerless.Emulator;
using OutpostServerless.Functions.Handlers;
using OutpostServerless.Provisioning.Tagging;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Local;

/// <summary>
/// A provisioning run with nothing faked but AWS: the state machine definition and function handlers
/// from template.yaml, the real step code, the local engine on a virtual clock, and the emulated
/// Region + Outpost in place of AWS.
/// </summary>
public sealed class LocalWorkflow(SamTemplate template, string stateMachineLogicalId = LocalWorkflow.ProvisionStateMachine)
{
    public const string ProvisionStateMachine = "ProvisionStateMachine";

    /// <summary>Where a run's virtual clock starts when there is no saved world to continue from.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly StateMachineDefinition definition = StateMachineDefinition.Parse(template.DefinitionOf(stateMachineLogicalId));

    public async Task<LocalRunResult> RunAsync(LocalRunSettings settings, Action<HistoryEvent>? observer, CancellationToken cancellationToken)
    {
        var savedState = settings.StateFile is { } file && File.Exists(file) ? await File.ReadAllTextAsync(file, cancellationToken) : null;
        var clock = new VirtualClock(savedState is null ? DefaultStart : EmulatedCloud.SavedClockTime(savedState));
        var cloud = savedState is null ? new EmulatedCloud(clock) : EmulatedCloud.LoadState(savedState, clock);
        ShapeCapacity(cloud, clock, settings);
        foreach (var fault in settings.Faults)
        {
            cloud.InjectFault(fault.Operation, fault.ErrorCode, $"Injected by --fault {fault.Operation}={fault.ErrorCode}.", fault.Times);
        }

        cloud.Calls.Reset();

        var host = new FunctionHost(StepHandlers.Create(cloud.Ports, clock, NullLoggerFactory.Instance), NullLogger<FunctionHost>.Instance);
        var runner = new StateMachineRunner(definition, new InProcessLambdaInvoker(template, host), clock);
        var options = new ExecutionOptions
        {
            ExecutionName = settings.ExecutionName,
            StateMachineArn = template.StateMachines[stateMachineLogicalId].Arn,
            Observer = observer,
        };

        var wall = Stopwatch.StartNew();
        var execution = await runner.RunAsync(settings.Request?.DeepClone(), options, cancellationToken);
        wall.Stop();

        if (settings.StateFile is { } stateFile)
        {
            await File.WriteAllTextAsync(stateFile, cloud.SaveState(), cancellationToken);
        }

        var provisioningId = ProvisioningIdOf(settings);
        return new LocalRunResult(
            execution,
            provisioningId,
            cloud.ResourcesTagged(ProvisioningTags.ProvisioningIdKey, provisioningId),
            cloud.Calls.Counts,
            cloud.Calls.MutatingTotal,
            (execution.StopDate - execution.StartDate).TotalSeconds,
            wall.Elapsed.TotalMilliseconds);
    }

    /// <summary>The request's provisioning id, else the execution name: ValidateRequest's own rule.</summary>
    private static string ProvisioningIdOf(LocalRunSettings settings) =>
        settings.Request?["provisioningId"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : settings.ExecutionName;

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
