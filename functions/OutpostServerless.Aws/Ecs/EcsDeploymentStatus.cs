using System.Text.Json.Serialization;
using OutpostServerless.Aws.Protocols;

namespace OutpostServerless.Aws.Ecs;

/// <summary>A service deployment's status: PRIMARY is the latest, ACTIVE an older one still draining, INACTIVE one that has finished. On the wire the string itself.</summary>
[JsonConverter(typeof(WireValueConverter<EcsDeploymentStatus>))]
public readonly record struct EcsDeploymentStatus(string Value) : IWireValue<EcsDeploymentStatus>
{
    public static EcsDeploymentStatus Primary { get; } = new("PRIMARY");

    public static EcsDeploymentStatus Active { get; } = new("ACTIVE");

    public static EcsDeploymentStatus Inactive { get; } = new("INACTIVE");

    public static EcsDeploymentStatus From(string value) => new(value);

    /// <summary>The wire's string as the status it names (the boundary: records built from wire text or emulator state).</summary>
    public static implicit operator EcsDeploymentStatus(string value) => new(value);

    public override string ToString() => Value;
}
