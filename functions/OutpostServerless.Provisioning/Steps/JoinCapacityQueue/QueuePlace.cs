namespace OutpostServerless.Provisioning.Steps;

/// <summary>Where a parked provisioning stands: 1 is first in line; <paramref name="SlotsAhead"/> are wanted by those before it.</summary>
public sealed record QueuePlace(string OutpostId, string InstanceType, int SlotsNeeded, int Position, int SlotsAhead, DateTimeOffset Since);
