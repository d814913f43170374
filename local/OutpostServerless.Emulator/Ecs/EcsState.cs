namespace OutpostServerless.Emulator.Ecs;

internal sealed class EcsState
{
    public List<ClusterRecord> Clusters { get; set; } = [];
    public List<ContainerInstanceRecord> ContainerInstances { get; set; } = [];
    public List<TaskDefinitionRecord> TaskDefinitions { get; set; } = [];
    public List<TaskRecord> Tasks { get; set; } = [];
    public List<ServiceRecord> Services { get; set; } = [];
    public List<RunTaskTokenRecord> RunTaskTokens { get; set; } = [];
    /// <summary>What each EC2 instance's ECS agent ended up doing (registered, or could never start).</summary>
    public Dictionary<string, AgentRecord> Agents { get; set; } = [];
}
