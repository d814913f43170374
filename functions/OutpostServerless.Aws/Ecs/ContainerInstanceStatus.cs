using System.Text.Json.Serialization;
using OutpostServerless.Aws.Protocols;

namespace OutpostServerless.Aws.Ecs;

/// <summary>A container instance's status (<c>ContainerInstance.status</c>, and the <c>status</c> filter of ListContainerInstances and UpdateContainerInstancesState). On the wire the string itself.</summary>
[JsonConverter(typeof(WireValueConverter<ContainerInstanceStatus>))]
public readonly record struct ContainerInstanceStatus(string Value) : IWireValue<ContainerInstanceStatus>
{
    public static ContainerInstanceStatus Active { get; } = new("ACTIVE");

    public static ContainerInstanceStatus Draining { get; } = new("DRAINING");

    public static ContainerInstanceStatus Registering { get; } = new("REGISTERING");

    public static ContainerInstanceStatus Deregistering { get; } = new("DEREGISTERING");

    public static ContainerInstanceStatus RegistrationFailed { get; } = new("REGISTRATION_FAILED");

    public static ContainerInstanceStatus Inactive { get; } = new("INACTIVE");

    public static ContainerInstanceStatus From(string value) => new(value);

    /// <summary>The wire's string as the status it names (the boundary: records built from wire text or emulator state).</summary>
    public static implicit operator ContainerInstanceStatus(string value) => new(value);

    public override string ToString() => Value;
}
