using System.Text.Json.Serialization;

namespace OutpostServerless.Provisioning.Records;

/// <summary>
/// Whether the provisioning exists. A teardown marks its record <see cref="Deleted"/> rather than
/// removing it, so generations keep counting up and an execution name (<c>&lt;id&gt;-&lt;n&gt;</c>) is never reused.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProvisioningStatus>))]
public enum ProvisioningStatus
{
    Active,
    Deleted,
}
