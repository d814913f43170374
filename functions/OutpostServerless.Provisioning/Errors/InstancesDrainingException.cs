namespace OutpostServerless.Provisioning.Errors;

/// <summary>Instances being retired still run tasks while ECS moves them elsewhere; the state machine retries.</summary>
public sealed class InstancesDrainingException(IReadOnlyList<string> instanceIds, int tasksLeft)
    : ProvisioningException(Name, $"{instanceIds.Count} container instance(s) are draining ({string.Join(", ", instanceIds)}); {tasksLeft} task(s) still on them.")
{
    public const string Name = "Provisioning.InstancesDraining";

    public IReadOnlyList<string> InstanceIds { get; } = instanceIds;
    public int TasksLeft { get; } = tasksLeft;
}
