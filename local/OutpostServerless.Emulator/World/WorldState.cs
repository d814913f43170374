using OutpostServerless.Emulator.Calls;
using OutpostServerless.Emulator.DynamoDb;
using OutpostServerless.Emulator.Ec2;
using OutpostServerless.Emulator.Ecs;
using OutpostServerless.Emulator.Iam;
using OutpostServerless.Emulator.Outposts;

namespace OutpostServerless.Emulator.World;

/// <summary>
/// Everything the emulated Region knows, as one serializable document: <see cref="EmulatedCloud.SaveState"/>
/// writes it and <see cref="EmulatedCloud.LoadState"/> continues from it (ids, calls and faults included).
/// </summary>
internal sealed class WorldState
{
    public required EmulatorOptions Options { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The clock's time at the last save: a world continued later must not see time run backwards.</summary>
    public DateTimeOffset SavedAt { get; set; }
    public IdState Ids { get; set; } = new();
    public OutpostsState Outposts { get; set; } = new();
    public Ec2State Ec2 { get; set; } = new();
    public IamState Iam { get; set; } = new();
    public EcsState Ecs { get; set; } = new();
    public DynamoDbState DynamoDb { get; set; } = new();
    public CallLogState Calls { get; set; } = new();
    public List<InjectedFault> Faults { get; set; } = [];
}
