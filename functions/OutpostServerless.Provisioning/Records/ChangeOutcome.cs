using System.Text.Json.Serialization;

namespace OutpostServerless.Provisioning.Records;

[JsonConverter(typeof(JsonStringEnumConverter<ChangeOutcome>))]
public enum ChangeOutcome
{
    Running,
    Succeeded,
    Failed,
}
