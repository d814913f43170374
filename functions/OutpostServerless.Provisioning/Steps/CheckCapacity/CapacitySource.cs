using System.Text.Json.Serialization;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>What the capacity gate based its verdict on.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CapacitySource>))]
public enum CapacitySource
{
    /// <summary>The Outpost's AWS/Outposts CloudWatch metrics: ConnectedStatus and AvailableInstanceType_Count.</summary>
    [JsonStringEnumMemberName("metrics")]
    Metrics,

    /// <summary>
    /// No AWS/Outposts metrics are visible from this account — a shared Outpost publishes them in its owner's
    /// account only — so the gate knows only that the Outpost offers the type (GetOutpostInstanceTypes) and lets
    /// RunInstances decide: its InsufficientInstanceCapacity sends the execution back to the gate.
    /// </summary>
    [JsonStringEnumMemberName("instance-types")]
    InstanceTypes,
}
