using OutpostServerless.Aws.Ecs;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// What existed for the provisioning before this execution changed anything (<c>$.apply.before</c>).
/// Rollback restores from it what the execution modified, and never deletes what it lists.
/// A member is null when that resource did not exist.
/// </summary>
public sealed record ProvisioningSnapshot
{
    public VpcResource? Vpc { get; init; }
    public SubnetResource? Subnet { get; init; }
    public SecurityGroupSnapshot? SecurityGroup { get; init; }
    /// <summary>The route table EnsureEgress made for the subnet (internet or local gateway egress), when it exists.</summary>
    public string? EgressRouteTable { get; init; }
    public RoleSnapshot? Role { get; init; }
    /// <summary>The instance profile, when it exists and is ours.</summary>
    public string? InstanceProfile { get; init; }
    public ClusterSnapshot? Cluster { get; init; }
    /// <summary>The live (pending or running) EC2 instances of the provisioning.</summary>
    public IReadOnlyList<InstanceSnapshot> Instances { get; init; } = [];
    /// <summary>The provisioning's revision that matches the request, when one exists.</summary>
    public TaskDefinitionResource? MatchingTaskDefinition { get; init; }
    public ServiceSnapshot? Service { get; init; }
    /// <summary>Task mode: the provisioning's tasks ECS still knows (running, or stopped within its retention).</summary>
    public IReadOnlyList<TaskSnapshot> Tasks { get; init; } = [];
}

/// <param name="VpcId">The VPC the group is in.</param>
public sealed record SecurityGroupSnapshot(string GroupId, string VpcId, IReadOnlyList<IngressRulePlan> Ingress);

/// <param name="ManagedPolicyArns">Attached when the execution started.</param>
public sealed record RoleSnapshot(string RoleName, IReadOnlyList<string> ManagedPolicyArns);

/// <param name="Tags">The cluster's tags: it records the workload mode and service name it was made for.</param>
public sealed record ClusterSnapshot(string ClusterName, string ClusterArn, IReadOnlyDictionary<string, string> Tags);

/// <param name="LaunchConfiguration">The <c>outpost-serverless:launch</c> tag: the hash of the settings it was launched with.</param>
/// <param name="InstanceProfileName">The instance profile it runs with (the role's name).</param>
/// <param name="ContainerInstanceStatus">ACTIVE, DRAINING, …; null when its agent has not registered.</param>
public sealed record InstanceSnapshot(
    string InstanceId,
    string InstanceType,
    string? LaunchConfiguration,
    string? ClusterName,
    string? InstanceProfileName,
    string? ContainerInstanceArn = null,
    ContainerInstanceStatus? ContainerInstanceStatus = null);

public sealed record ServiceSnapshot(string ServiceName, string ServiceArn, string TaskDefinitionArn, int DesiredCount);

/// <param name="LastStatus">RUNNING, PENDING, STOPPED, …</param>
public sealed record TaskSnapshot(string TaskArn, string TaskDefinitionArn, EcsTaskStatus LastStatus, EcsTaskStatus DesiredStatus);
