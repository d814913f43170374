using System.Text.Json.Serialization;
using OutpostServerless.Aws.Protocols;

namespace OutpostServerless.Aws.Ecs;

/// <summary>A task's <c>lastStatus</c> or <c>desiredStatus</c> (and ListTasks' <c>desiredStatus</c> filter), in the order a task passes through them. On the wire the string itself.</summary>
[JsonConverter(typeof(WireValueConverter<EcsTaskStatus>))]
public readonly record struct EcsTaskStatus(string Value) : IWireValue<EcsTaskStatus>
{
    public static EcsTaskStatus Provisioning { get; } = new("PROVISIONING");

    public static EcsTaskStatus Pending { get; } = new("PENDING");

    public static EcsTaskStatus Activating { get; } = new("ACTIVATING");

    public static EcsTaskStatus Running { get; } = new("RUNNING");

    public static EcsTaskStatus Deactivating { get; } = new("DEACTIVATING");

    public static EcsTaskStatus Stopping { get; } = new("STOPPING");

    public static EcsTaskStatus Deprovisioning { get; } = new("DEPROVISIONING");

    public static EcsTaskStatus Stopped { get; } = new("STOPPED");

    public static EcsTaskStatus Deleted { get; } = new("DELETED");

    public static EcsTaskStatus From(string value) => new(value);

    /// <summary>The wire's string as the status it names (the boundary: records built from wire text or emulator state).</summary>
    public static implicit operator EcsTaskStatus(string value) => new(value);

    public override string ToString() => Value;
}
