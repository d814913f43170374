namespace OutpostServerless.Emulator.Outposts;

internal sealed class OutpostsState
{
    public List<OutpostRecord> Outposts { get; set; } = [];
}
