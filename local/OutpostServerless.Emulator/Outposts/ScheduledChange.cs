namespace OutpostServerless.Emulator.Outposts;

/// <summary>A change that takes effect at a virtual time: free slots of a type, or the service link.</summary>
internal sealed record ScheduledChange(DateTimeOffset At, string Kind, string? InstanceType, int Value)
{
    public const string FreeSlots = "free-slots";
    public const string Connectivity = "connectivity";

    /// <summary>Other tenants of the Outpost (other accounts, workloads outside the world) give <see cref="Value"/> slots back.</summary>
    public const string SlotsReleased = "slots-released";
}
