using System.Text.Json.Serialization;
using OutpostServerless.Aws.Protocols;

namespace OutpostServerless.Aws.Ecs;

/// <summary>An ECS cluster's status (<c>Cluster.status</c>). On the wire the string itself.</summary>
[JsonConverter(typeof(WireValueConverter<ClusterStatus>))]
public readonly record struct ClusterStatus(string Value) : IWireValue<ClusterStatus>
{
    public static ClusterStatus Active { get; } = new("ACTIVE");

    public static ClusterStatus Provisioning { get; } = new("PROVISIONING");

    public static ClusterStatus Deprovisioning { get; } = new("DEPROVISIONING");

    public static ClusterStatus Failed { get; } = new("FAILED");

    public static ClusterStatus Inactive { get; } = new("INACTIVE");

    public static ClusterStatus From(string value) => new(value);

    /// <summary>The wire's string as the status it names (the boundary: records built from wire text or emulator state).</summary>
    public static implicit operator ClusterStatus(string value) => new(value);

    public override string ToString() => Value;
}
