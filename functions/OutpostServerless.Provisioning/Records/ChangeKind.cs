using System.Text.Json.Serialization;

namespace OutpostServerless.Provisioning.Records;

/// <summary>What an execution does to a provisioning: apply a request (create or update) or tear it down.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChangeKind>))]
public enum ChangeKind
{
    Apply,
    Teardown,
}
