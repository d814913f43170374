using System.Text.Json;
using System.Text.Json.Serialization;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Steps;

namespace OutpostServerless.Provisioning.Status;

/// <summary><c>plan --json</c> and <c>POST /provisionings?dryRun=true</c>: per resource what applying the request would do, and the changes refused.</summary>
/// <param name="MutatingCalls">Mutating AWS calls planning made, where the caller counted them (the <c>plan</c> command): always 0, reported so a script can check.</param>
public sealed record PlanReport(
    IReadOnlyList<ResourceChange> Changes,
    IReadOnlyList<RefusedChange> Refused,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? MutatingCalls = null)
{
    public static PlanReport From(ChangeSet changes, int? mutatingCalls = null) =>
        new(changes.Changes, [.. changes.Refused.Select(RefusedChange.Of)], mutatingCalls);

    public string ToJson() => JsonSerializer.Serialize(this, StatusJsonContext.Default.PlanReport);
}

/// <summary>A refused change: the request field, why, the fix, and the one-line <c>field: reason. Fix: …</c> form.</summary>
public sealed record RefusedChange(string Field, string Reason, string Fix, string Message)
{
    public static RefusedChange Of(FieldError error) => new(error.Field, error.Reason, error.Fix, error.ToString());
}
