using System.Text.Json.Serialization;
using OutpostServerless.Aws.Protocols;

namespace OutpostServerless.Aws.Ecs;

/// <summary>A task definition revision's status (<c>TaskDefinition.status</c>). On the wire the string itself.</summary>
[JsonConverter(typeof(WireValueConverter<TaskDefinitionStatus>))]
public readonly record struct TaskDefinitionStatus(string Value) : IWireValue<TaskDefinitionStatus>
{
    public static TaskDefinitionStatus Active { get; } = new("ACTIVE");

    public static TaskDefinitionStatus Inactive { get; } = new("INACTIVE");

    public static TaskDefinitionStatus DeleteInProgress { get; } = new("DELETE_IN_PROGRESS");

    public static TaskDefinitionStatus From(string value) => new(value);

    /// <summary>The wire's string as the status it names (the boundary: records built from wire text or emulator state).</summary>
    public static implicit operator TaskDefinitionStatus(string value) => new(value);

    public override string ToString() => Value;
}
