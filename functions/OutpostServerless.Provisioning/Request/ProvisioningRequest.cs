using System.Text.Json.Nodes;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// What a platform team asks for: ECS on one Outpost, from subnet to running workload.
/// JSON is camelCase (see <c>statemachine/request.schema.json</c>). After ValidateRequest every
/// optional member that has a default is filled in, so later steps never guess.
/// </summary>
public sealed record ProvisioningRequest
{
    /// <summary>Names and tags everything this provisioning makes; defaults to the execution name.</summary>
    public string? ProvisioningId { get; init; }
    public string? OutpostArn { get; init; }
    public string? AvailabilityZoneId { get; init; }
    public NetworkRequest? Network { get; init; }
    public IamRequest? Iam { get; init; }
    public ClusterRequest? Cluster { get; init; }
    public WorkloadRequest? Workload { get; init; }
    public CapacityWaitRequest? CapacityWait { get; init; }
    /// <summary><c>rollback</c> (default): delete what this provisioning made; <c>retain</c>: keep it for inspection.</summary>
    public string? OnFailure { get; init; }
}

public sealed record NetworkRequest
{
    /// <summary>An existing VPC to use; when absent a VPC is created with <see cref="VpcCidr"/>.</summary>
    public string? VpcId { get; init; }
    public string? VpcCidr { get; init; }
    public string? SubnetCidr { get; init; }
    public IReadOnlyList<IngressRule>? Ingress { get; init; }
    /// <summary>Must be true to accept port 22 open to 0.0.0.0/0 or ::/0.</summary>
    public bool? AllowSshFromAnywhere { get; init; }
    /// <summary>How the container instances reach ECS and the registries; defaults by whether the VPC is new.</summary>
    public EgressRequest? Egress { get; init; }
}

public sealed record EgressRequest
{
    /// <summary><c>internet-gateway</c>, <c>local-gateway</c> or <c>existing</c>.</summary>
    public string? Mode { get; init; }
    /// <summary>The Outpost's local gateway (<c>lgw-…</c>), for <c>local-gateway</c>.</summary>
    public string? LocalGatewayId { get; init; }
    /// <summary>The customer-owned IP pool (<c>ipv4pool-coip-…</c>) the instances take addresses from.</summary>
    public string? CustomerOwnedIpv4Pool { get; init; }
}

public sealed record IngressRule
{
    /// <summary><c>tcp</c>, <c>udp</c>, <c>icmp</c> or <c>-1</c> (all).</summary>
    public string? Protocol { get; init; }
    public int? FromPort { get; init; }
    public int? ToPort { get; init; }
    public string? Cidr { get; init; }
    public string? Description { get; init; }
}

public sealed record IamRequest
{
    /// <summary>The container instance role (and instance profile of the same name); defaults from the provisioning id.</summary>
    public string? RoleName { get; init; }
    public IReadOnlyList<string>? ManagedPolicyArns { get; init; }
}

public sealed record ClusterRequest
{
    /// <summary>ECS cluster name; defaults to the provisioning id.</summary>
    public string? Name { get; init; }
    public string? InstanceType { get; init; }
    public int? InstanceCount { get; init; }
    /// <summary>When absent, the ECS-optimized Amazon Linux 2023 AMI from SSM's public parameter.</summary>
    public string? AmiId { get; init; }
    public string? KeyName { get; init; }
    /// <summary><c>default</c>, <c>always</c>, <c>once</c> or <c>prefer-cached</c> (default, as the runbook says).</summary>
    public string? ImagePullBehavior { get; init; }
    public IReadOnlyDictionary<string, string>? ContainerInstanceTags { get; init; }
}

public sealed record WorkloadRequest
{
    /// <summary><c>service</c> (CreateService) or <c>task</c> (RunTask).</summary>
    public string? Mode { get; init; }
    /// <summary>An ECS RegisterTaskDefinition input (family, containerDefinitions, …), as ECS takes it.</summary>
    public JsonObject? TaskDefinition { get; init; }
    public int? DesiredCount { get; init; }
    /// <summary>Service name in service mode; defaults to the task definition family.</summary>
    public string? ServiceName { get; init; }
}

public sealed record CapacityWaitRequest
{
    /// <summary>How long the capacity gate may wait in total before failing CapacityUnavailable.</summary>
    public int? MaxSeconds { get; init; }
    /// <summary>The first wait between capacity checks; later waits back off.</summary>
    public int? PollSeconds { get; init; }
}
