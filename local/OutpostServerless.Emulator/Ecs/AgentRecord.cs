namespace OutpostServerless.Emulator.Ecs;

/// <summary>The ECS agent of one EC2 instance, as its /etc/ecs/ecs.config configured it.</summary>
internal sealed class AgentRecord
{
    /// <summary>registered, or failed (the agent could not start: no agent on the AMI, a bad ecs.config).</summary>
    public required string Outcome { get; set; }
    public string? Reason { get; set; }
    public EcsAgentConfig? Config { get; set; }
    /// <summary>Container images this instance has pulled so far (its local cache, beside the AMI's own).</summary>
    public List<string> PulledImages { get; set; } = [];
}
