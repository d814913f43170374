using System.Text.Json.Serialization;
using OutpostServerless.Aws.Protocols;

namespace OutpostServerless.Aws.Ecs;

/// <summary>A service's status (<c>Service.status</c>). On the wire the string itself.</summary>
[JsonConverter(typeof(WireValueConverter<EcsServiceStatus>))]
public readonly record struct EcsServiceStatus(string Value) : IWireValue<EcsServiceStatus>
{
    public static EcsServiceStatus Active { get; } = new("ACTIVE");

    public static EcsServiceStatus Draining { get; } = new("DRAINING");

    public static EcsServiceStatus Inactive { get; } = new("INACTIVE");

    public static EcsServiceStatus From(string value) => new(value);

    /// <summary>The wire's string as the status it names (the boundary: records built from wire text or emulator state).</summary>
    public static implicit operator EcsServiceStatus(string value) => new(value);

    public override string ToString() => Value;
}
