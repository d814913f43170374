using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// What applying a request would do: per resource, create / update / replace / delete / no-op, and the
/// changes refused (an immutable field, a rename), each as <c>field: reason. Fix: …</c>. This is the
/// document <c>plan --json</c> prints.
/// </summary>
public sealed record ChangeSet(IReadOnlyList<ResourceChange> Changes, IReadOnlyList<FieldError> Refused)
{
    /// <summary>True when applying would make at least one mutating call.</summary>
    public bool HasChanges => Changes.Any(c => c.Action != ChangeAction.NoOp);
}
