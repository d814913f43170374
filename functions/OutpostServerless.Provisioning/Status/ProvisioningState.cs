using System.Text.Json.Serialization;

namespace OutpostServerless.Provisioning.Status;

/// <summary>Where a provisioning stands, from its record: what <c>status</c> and <c>GET /provisionings/{id}</c> lead with.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProvisioningState>))]
public enum ProvisioningState
{
    /// <summary>Its newest change was an apply that succeeded.</summary>
    [JsonStringEnumMemberName("applied")]
    Applied,
    /// <summary>Its newest change failed (an apply rolled back or retained, or a teardown that stopped part way).</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
    /// <summary>An execution holds its lock now.</summary>
    [JsonStringEnumMemberName("changing")]
    Changing,
    /// <summary>Its newest change was a teardown that succeeded.</summary>
    [JsonStringEnumMemberName("torn-down")]
    TornDown,
}
