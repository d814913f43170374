using System.Text.Json.Serialization;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>What applying the request does to one resource, as <c>plan</c> prints it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChangeAction>))]
public enum ChangeAction
{
    [JsonStringEnumMemberName("create")]
    Create,
    /// <summary>Changed in place; <see cref="ResourceChange.Fields"/> says which request fields.</summary>
    [JsonStringEnumMemberName("update")]
    Update,
    /// <summary>New copies come up before the old ones go (rolling replacement).</summary>
    [JsonStringEnumMemberName("replace")]
    Replace,
    [JsonStringEnumMemberName("delete")]
    Delete,
    [JsonStringEnumMemberName("no-op")]
    NoOp,
}
