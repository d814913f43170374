using System.Text.Json.Nodes;
using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Calls;

namespace OutpostServerless.Cli.Chaos;

/// <summary>
/// One chaos run, derived from (seed, run number) alone: which request (an example with a random
/// instance and task count), whether and when the Outpost loses its service link and for how long,
/// whether another tenant takes the capacity between the gate and the launch, and the seeds of the
/// step-attempt faults and of the retry jitter.
/// </summary>
public sealed record ChaosScenario
{
    /// <summary>Long enough for short disconnections and capacity dips to pass, short enough for long ones to exhaust it.</summary>
    public const int CapacityWaitSeconds = 1800;

    public required int Run { get; init; }
    public required string ProvisioningId { get; init; }
    public required string Example { get; init; }
    public required JsonObject Request { get; init; }
    /// <summary>When the service link drops, counted from the start; null when it stays up.</summary>
    public TimeSpan? DisconnectAt { get; init; }
    public TimeSpan DisconnectFor { get; init; }
    /// <summary>How long another tenant holds every free slot, taken just before the first RunInstances; null: no one does.</summary>
    public TimeSpan? CapacityTakenFor { get; init; }
    public required int FaultSeed { get; init; }
    public required int JitterSeed { get; init; }

    /// <param name="examples">Valid requests by name (statemachine/examples).</param>
    public static ChaosScenario For(long seed, int run, double rate, IReadOnlyList<KeyValuePair<string, JsonObject>> examples)
    {
        ArgumentOutOfRangeException.ThrowIfZero(examples.Count);
        var random = new Random(unchecked((int)(seed * 1_000_003L) ^ (int)(run * 7_919L)));
        // Every draw is made whatever the outcome of the others, so changing one rule leaves the rest alone.
        var example = examples[random.Next(examples.Count)];
        var instanceCount = random.Next(1, 4);
        var desired = random.Next(1, 4);
        var disconnects = random.NextDouble() < rate;
        var disconnectAt = TimeSpan.FromSeconds(random.Next(0, 901));
        var disconnectFor = TimeSpan.FromSeconds(random.Next(60, 2401));
        var capacityTaken = random.NextDouble() < rate;
        var capacityHold = TimeSpan.FromSeconds(random.Next(120, 2401));

        var request = example.Value.DeepClone().AsObject();
        var provisioningId = $"chaos-{run:D5}";
        request["provisioningId"] = provisioningId;
        request["cluster"]!["instanceCount"] = instanceCount;
        // A service publishing a host port fits one task per instance; a batch task fits two per instance.
        var service = request["workload"]?["mode"]?.GetValue<string>() == "service";
        request["workload"]!["desiredCount"] = Math.Min(desired, service ? instanceCount : 2 * instanceCount);
        request["capacityWait"] = new JsonObject { ["maxSeconds"] = CapacityWaitSeconds, ["pollSeconds"] = 60 };
        request["onFailure"] = "rollback";

        return new ChaosScenario
        {
            Run = run,
            ProvisioningId = provisioningId,
            Example = example.Key,
            Request = request,
            DisconnectAt = disconnects ? disconnectAt : null,
            DisconnectFor = disconnectFor,
            CapacityTakenFor = capacityTaken ? capacityHold : null,
            FaultSeed = random.Next(),
            JitterSeed = random.Next(),
        };
    }

    /// <summary>Schedules the scenario's disconnection and capacity theft on a fresh world.</summary>
    public void ShapeWorld(EmulatedCloud cloud)
    {
        var start = cloud.Clock.GetUtcNow();
        if (DisconnectAt is { } at)
        {
            cloud.SetConnected(false, start + at);
            cloud.SetConnected(true, start + at + DisconnectFor);
        }

        if (CapacityTakenFor is { } hold)
        {
            cloud.Faults.Queue("ec2:RunInstances", FaultKind.CapacityTaken, capacityHold: hold);
        }
    }
}
