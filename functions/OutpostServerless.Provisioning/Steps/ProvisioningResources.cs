namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// <c>$.resources</c> of the state document: what each step made, written by that step. A member is
/// null until its step has run (and stays null in a failed Parallel branch, which is why Rollback
/// searches by tag instead of reading this).
/// </summary>
public sealed record ProvisioningResources
{
    public VpcResource? Vpc { get; init; }
    public SubnetResource? Subnet { get; init; }
    public EgressResource? Egress { get; init; }
    public SecurityGroupResource? SecurityGroup { get; init; }
    public InstanceRoleResource? InstanceRole { get; init; }
    public ClusterResource? Cluster { get; init; }
    public InstancesResource? Instances { get; init; }
    public ContainerInstancesResource? ContainerInstances { get; init; }
    public TaskDefinitionResource? TaskDefinition { get; init; }
    public WorkloadResource? Workload { get; init; }
    public RetiredInstancesResource? Retired { get; init; }
}
