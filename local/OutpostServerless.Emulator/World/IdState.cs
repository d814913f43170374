namespace OutpostServerless.Emulator.World;

/// <summary>How many ids of each kind were handed out; with the seed this fixes every next id.</summary>
internal sealed class IdState
{
    public Dictionary<string, long> Counters { get; set; } = [];
}
