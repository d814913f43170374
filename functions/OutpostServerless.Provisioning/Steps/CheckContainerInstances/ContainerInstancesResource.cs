namespace OutpostServerless.Provisioning.Steps;

/// <summary><c>$.resources.containerInstances</c>: our instances as registered with the cluster.</summary>
public sealed record ContainerInstancesResource(IReadOnlyList<string> ContainerInstanceArns);
