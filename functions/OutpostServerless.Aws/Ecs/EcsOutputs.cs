namespace OutpostServerless.Aws.Ecs;

// The ECS output documents as they arrive: every member optional, so an absent list is read as
// empty and an absent entity is reported by name instead of surfacing as a null later.

public sealed record EcsClusterOutput(Cluster? Cluster);

public sealed record EcsClustersOutput(IReadOnlyList<Cluster>? Clusters, IReadOnlyList<EcsFailure>? Failures);

public sealed record EcsContainerInstanceArnsOutput(IReadOnlyList<string>? ContainerInstanceArns, string? NextToken);

public sealed record EcsContainerInstancesOutput(IReadOnlyList<ContainerInstance>? ContainerInstances, IReadOnlyList<EcsFailure>? Failures);

public sealed record EcsContainerInstanceOutput(ContainerInstance? ContainerInstance);

public sealed record EcsTaskDefinitionOutput(TaskDefinition? TaskDefinition, IReadOnlyList<EcsTag>? Tags);

public sealed record EcsTasksOutput(IReadOnlyList<EcsTask>? Tasks, IReadOnlyList<EcsFailure>? Failures);

public sealed record EcsTaskArnsOutput(IReadOnlyList<string>? TaskArns, string? NextToken);

public sealed record EcsTaskOutput(EcsTask? Task);

public sealed record EcsServiceOutput(EcsService? Service);

public sealed record EcsServicesOutput(IReadOnlyList<EcsService>? Services, IReadOnlyList<EcsFailure>? Failures);
