using System.Text.Json.Serialization;
using OutpostServerless.Aws.Protocols;

namespace OutpostServerless.Aws.Outposts;

/// <summary>An Outpost's life cycle status (<c>Outpost.LifeCycleStatus</c>, ListOutposts' <c>LifeCycleStatusFilter</c>). On the wire the string itself.</summary>
[JsonConverter(typeof(WireValueConverter<OutpostLifeCycleStatus>))]
public readonly record struct OutpostLifeCycleStatus(string Value) : IWireValue<OutpostLifeCycleStatus>
{
    public static OutpostLifeCycleStatus Active { get; } = new("ACTIVE");

    public static OutpostLifeCycleStatus Pending { get; } = new("PENDING");

    public static OutpostLifeCycleStatus Retired { get; } = new("RETIRED");

    public static OutpostLifeCycleStatus From(string value) => new(value);

    /// <summary>The wire's string as the status it names (the boundary: records built from wire text or emulator state).</summary>
    public static implicit operator OutpostLifeCycleStatus(string value) => new(value);

    public override string ToString() => Value;
}
