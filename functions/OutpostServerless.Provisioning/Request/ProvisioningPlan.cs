using System.Text.Json.Nodes;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// A <see cref="ProvisioningRequest"/> that passed validation, with every default filled in and every
/// derived name computed once. ValidateRequest returns it; every later step receives it as
/// <c>$.plan</c>, so no step re-derives a name or guesses a default.
/// </summary>
public sealed record ProvisioningPlan
{
    /// <summary>The shape of the state document the steps read and write; raise it with any change a step of another version would misread.</summary>
    public const int CurrentStateVersion = 1;

    /// <summary>
    /// The version of the state document. Executions outlive deploys (a capacity wait can last a day) and records
    /// keep plans for teardown: a step given a shape it does not know refuses it with
    /// <see cref="Errors.UnsupportedStateVersionException"/>, also when it is read from JSON, instead of misreading it.
    /// A document without one (0 as JSON reads it) was written before versions existed, in the first shape.
    /// </summary>
    public int StateVersion
    {
        get;
        init => field = value is 0 or CurrentStateVersion ? CurrentStateVersion : throw new Errors.UnsupportedStateVersionException(value);
    } = CurrentStateVersion;

    public required string ProvisioningId { get; init; }
    /// <summary>
    /// The execution applying this plan: <c>{name}@{startTime}</c> in a state machine (Step Functions keeps
    /// names unique for 90 days, a local run may reuse one, the start time tells them apart), else the
    /// execution name. Everything created is tagged with it, client tokens derive from it, and Rollback
    /// deletes only what carries it.
    /// </summary>
    public required string ExecutionId { get; init; }
    public required string OutpostArn { get; init; }
    /// <summary>The <c>op-…</c> id from the ARN.</summary>
    public required string OutpostId { get; init; }
    /// <summary>The Region in the Outpost ARN; every call goes there.</summary>
    public required string Region { get; init; }
    public required string AccountId { get; init; }
    public required string AvailabilityZoneId { get; init; }
    public required NetworkPlan Network { get; init; }
    public required IamPlan Iam { get; init; }
    public required ClusterPlan Cluster { get; init; }
    public required WorkloadPlan Workload { get; init; }
    public required CapacityWaitPlan CapacityWait { get; init; }
    /// <summary>False when the request said <c>onFailure: retain</c>.</summary>
    public required bool RollbackOnFailure { get; init; }
}

public sealed record NetworkPlan
{
    /// <summary>Set when the request named an existing VPC: it is used, never created or deleted.</summary>
    public string? ExistingVpcId { get; init; }
    /// <summary>The CIDR of the VPC to create; null when <see cref="ExistingVpcId"/> is set.</summary>
    public string? VpcCidr { get; init; }
    public required string SubnetCidr { get; init; }
    public required string SecurityGroupName { get; init; }
    public required IReadOnlyList<IngressRulePlan> Ingress { get; init; }
    public required EgressPlan Egress { get; init; }
}

/// <summary>One ingress rule; <see cref="Protocol"/> is <c>tcp</c>, <c>udp</c>, <c>icmp</c> or <c>-1</c>.</summary>
public sealed record IngressRulePlan(string Protocol, int FromPort, int ToPort, string Cidr, string? Description);

public sealed record IamPlan
{
    public required string RoleName { get; init; }
    public required string InstanceProfileName { get; init; }
    /// <summary>Always includes AmazonEC2ContainerServiceforEC2Role, which the ECS agent needs.</summary>
    public required IReadOnlyList<string> ManagedPolicyArns { get; init; }
}

public sealed record ClusterPlan
{
    public required string Name { get; init; }
    public required string InstanceType { get; init; }
    public required int InstanceCount { get; init; }
    /// <summary>Null: resolve the ECS-optimized AMI from SSM at launch.</summary>
    public string? AmiId { get; init; }
    public string? KeyName { get; init; }
    public required string ImagePullBehavior { get; init; }
    public required IReadOnlyDictionary<string, string> ContainerInstanceTags { get; init; }
}

public sealed record WorkloadPlan
{
    /// <summary><c>service</c> or <c>task</c>.</summary>
    public required string Mode { get; init; }
    /// <summary>The ECS RegisterTaskDefinition input, with EC2 compatibility settled.</summary>
    public required JsonObject TaskDefinition { get; init; }
    public required string Family { get; init; }
    public required int DesiredCount { get; init; }
    /// <summary>Set in service mode.</summary>
    public string? ServiceName { get; init; }
}

public sealed record CapacityWaitPlan(int MaxSeconds, int PollSeconds);
