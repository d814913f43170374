using System.Text.Json.Nodes;

namespace OutpostServerless.Aws.Ecs;

// The ECS request and response shapes the steps use: member names as in the ECS API
// (camelCase on the wire), only the members the steps read or write.

public sealed record EcsTag(string Key, string Value);

public sealed record EcsAttribute(string Name, string? Value = null);

public sealed record EcsFailure(string? Arn, string? Reason, string? Detail = null);

public sealed record Cluster
{
    public required string ClusterArn { get; init; }
    public required string ClusterName { get; init; }
    public required ClusterStatus Status { get; init; }
    public int RegisteredContainerInstancesCount { get; init; }
    public int RunningTasksCount { get; init; }
    public int PendingTasksCount { get; init; }
    public int ActiveServicesCount { get; init; }
    public IReadOnlyList<EcsTag> Tags { get; init; } = [];
}

public sealed record CreateClusterRequest
{
    public string? ClusterName { get; init; }
    public IReadOnlyList<EcsTag> Tags { get; init; } = [];
}

public sealed record CreateClusterResponse(Cluster Cluster);

public sealed record DescribeClustersRequest
{
    public IReadOnlyList<string> Clusters { get; init; } = [];
    /// <summary>"TAGS" to return each cluster's tags.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];
}

public sealed record DescribeClustersResponse(IReadOnlyList<Cluster> Clusters, IReadOnlyList<EcsFailure> Failures);

public sealed record DeleteClusterRequest(string Cluster);

public sealed record DeleteClusterResponse(Cluster Cluster);

public sealed record ContainerInstance
{
    public required string ContainerInstanceArn { get; init; }
    public required string Ec2InstanceId { get; init; }
    public required ContainerInstanceStatus Status { get; init; }
    public bool AgentConnected { get; init; }
    public int RunningTasksCount { get; init; }
    public int PendingTasksCount { get; init; }
    public IReadOnlyList<EcsAttribute> Attributes { get; init; } = [];
    public IReadOnlyList<EcsTag> Tags { get; init; } = [];
}

public sealed record ListContainerInstancesRequest
{
    public required string Cluster { get; init; }
    public ContainerInstanceStatus? Status { get; init; }
    public string? NextToken { get; init; }
}

public sealed record ListContainerInstancesResponse(IReadOnlyList<string> ContainerInstanceArns, string? NextToken = null);

public sealed record DescribeContainerInstancesRequest
{
    public required string Cluster { get; init; }
    public required IReadOnlyList<string> ContainerInstances { get; init; }
    public IReadOnlyList<string> Include { get; init; } = [];
}

public sealed record DescribeContainerInstancesResponse(IReadOnlyList<ContainerInstance> ContainerInstances, IReadOnlyList<EcsFailure> Failures);

public sealed record DeregisterContainerInstanceRequest
{
    public required string Cluster { get; init; }
    public required string ContainerInstance { get; init; }
    public bool Force { get; init; }
}

public sealed record DeregisterContainerInstanceResponse(ContainerInstance ContainerInstance);

public sealed record UpdateContainerInstancesStateRequest
{
    public string? Cluster { get; init; }
    /// <summary>Up to 10 container instance ids or ARNs.</summary>
    public required IReadOnlyList<string> ContainerInstances { get; init; }
    /// <summary>ACTIVE or DRAINING.</summary>
    public required ContainerInstanceStatus Status { get; init; }
}

public sealed record UpdateContainerInstancesStateResponse(IReadOnlyList<ContainerInstance> ContainerInstances, IReadOnlyList<EcsFailure> Failures);

public sealed record TaskDefinition
{
    public required string TaskDefinitionArn { get; init; }
    public required string Family { get; init; }
    public required int Revision { get; init; }
    public required TaskDefinitionStatus Status { get; init; }
    /// <summary>The container definitions exactly as registered (ECS's ContainerDefinition objects).</summary>
    public required JsonArray ContainerDefinitions { get; init; }
    public string? Cpu { get; init; }
    public string? Memory { get; init; }
    public string? NetworkMode { get; init; }
    public string? TaskRoleArn { get; init; }
    public string? ExecutionRoleArn { get; init; }
    public IReadOnlyList<string> RequiresCompatibilities { get; init; } = [];
}

public sealed record RegisterTaskDefinitionRequest
{
    public required string Family { get; init; }
    public required JsonArray ContainerDefinitions { get; init; }
    public string? Cpu { get; init; }
    public string? Memory { get; init; }
    public string? NetworkMode { get; init; }
    public string? TaskRoleArn { get; init; }
    public string? ExecutionRoleArn { get; init; }
    public IReadOnlyList<string> RequiresCompatibilities { get; init; } = [];
    public IReadOnlyList<EcsTag> Tags { get; init; } = [];
}

public sealed record RegisterTaskDefinitionResponse(TaskDefinition TaskDefinition, IReadOnlyList<EcsTag> Tags);

public sealed record DescribeTaskDefinitionRequest
{
    /// <summary>A family (latest ACTIVE revision), <c>family:revision</c> or a full ARN.</summary>
    public required string TaskDefinition { get; init; }
    public IReadOnlyList<string> Include { get; init; } = [];
}

public sealed record DescribeTaskDefinitionResponse(TaskDefinition TaskDefinition, IReadOnlyList<EcsTag> Tags);

public sealed record DeregisterTaskDefinitionRequest(string TaskDefinition);

public sealed record DeregisterTaskDefinitionResponse(TaskDefinition TaskDefinition);

public sealed record EcsTask
{
    public required string TaskArn { get; init; }
    public required string ClusterArn { get; init; }
    public required string TaskDefinitionArn { get; init; }
    public string? ContainerInstanceArn { get; init; }
    public required EcsTaskStatus LastStatus { get; init; }
    public required EcsTaskStatus DesiredStatus { get; init; }
    public string? LaunchType { get; init; }
    public string? StartedBy { get; init; }
    public string? Group { get; init; }
    /// <summary>Why a STOPPED task stopped, e.g. <c>CannotPullContainerError: …</c>.</summary>
    public string? StoppedReason { get; init; }
    public IReadOnlyList<EcsTag> Tags { get; init; } = [];
}

public sealed record RunTaskRequest
{
    public string? Cluster { get; init; }
    public required string TaskDefinition { get; init; }
    public int? Count { get; init; }
    public string? LaunchType { get; init; }
    public string? StartedBy { get; init; }
    public string? ClientToken { get; init; }
    public IReadOnlyList<EcsTag> Tags { get; init; } = [];
}

public sealed record RunTaskResponse(IReadOnlyList<EcsTask> Tasks, IReadOnlyList<EcsFailure> Failures);

public sealed record ListTasksRequest
{
    public string? Cluster { get; init; }
    public string? StartedBy { get; init; }
    public string? ServiceName { get; init; }
    /// <summary>RUNNING (the default), PENDING or STOPPED.</summary>
    public EcsTaskStatus? DesiredStatus { get; init; }
    public string? NextToken { get; init; }
}

public sealed record ListTasksResponse(IReadOnlyList<string> TaskArns, string? NextToken = null);

public sealed record DescribeTasksRequest
{
    public string? Cluster { get; init; }
    public required IReadOnlyList<string> Tasks { get; init; }
    public IReadOnlyList<string> Include { get; init; } = [];
}

public sealed record DescribeTasksResponse(IReadOnlyList<EcsTask> Tasks, IReadOnlyList<EcsFailure> Failures);

public sealed record StopTaskRequest
{
    public string? Cluster { get; init; }
    public required string Task { get; init; }
    public string? Reason { get; init; }
}

public sealed record StopTaskResponse(EcsTask Task);

public sealed record EcsService
{
    public required string ServiceArn { get; init; }
    public required string ServiceName { get; init; }
    public required string ClusterArn { get; init; }
    public required EcsServiceStatus Status { get; init; }
    public required string TaskDefinition { get; init; }
    public int DesiredCount { get; init; }
    public int RunningCount { get; init; }
    public int PendingCount { get; init; }
    public string? LaunchType { get; init; }
    public IReadOnlyList<EcsTag> Tags { get; init; } = [];
    /// <summary>PRIMARY (the latest) and ACTIVE (older ones still draining) deployments.</summary>
    public IReadOnlyList<EcsDeployment> Deployments { get; init; } = [];
    /// <summary>The scheduler's messages, newest first (e.g. "was unable to place a task …").</summary>
    public IReadOnlyList<EcsServiceEvent> Events { get; init; } = [];
}

/// <param name="CreatedAt">Epoch seconds, as ECS's JSON carries timestamps.</param>
public sealed record EcsDeployment(
    string Id, EcsDeploymentStatus Status, string TaskDefinition, int DesiredCount, int RunningCount, int PendingCount, double? CreatedAt = null, string? RolloutState = null);

/// <param name="CreatedAt">Epoch seconds, as ECS's JSON carries timestamps.</param>
public sealed record EcsServiceEvent(string Id, string Message, double? CreatedAt = null);

public sealed record CreateServiceRequest
{
    public string? Cluster { get; init; }
    public required string ServiceName { get; init; }
    public string? TaskDefinition { get; init; }
    public int? DesiredCount { get; init; }
    public string? LaunchType { get; init; }
    public string? ClientToken { get; init; }
    public IReadOnlyList<EcsTag> Tags { get; init; } = [];
}

public sealed record CreateServiceResponse(EcsService Service);

public sealed record DescribeServicesRequest
{
    public string? Cluster { get; init; }
    public required IReadOnlyList<string> Services { get; init; }
    public IReadOnlyList<string> Include { get; init; } = [];
}

public sealed record DescribeServicesResponse(IReadOnlyList<EcsService> Services, IReadOnlyList<EcsFailure> Failures);

public sealed record UpdateServiceRequest
{
    public string? Cluster { get; init; }
    public required string Service { get; init; }
    public int? DesiredCount { get; init; }
    /// <summary>A new revision starts a deployment: new tasks replace the old ones.</summary>
    public string? TaskDefinition { get; init; }
}

public sealed record UpdateServiceResponse(EcsService Service);

public sealed record DeleteServiceRequest
{
    public string? Cluster { get; init; }
    public required string Service { get; init; }
    public bool? Force { get; init; }
}

public sealed record DeleteServiceResponse(EcsService Service);
