namespace OutpostServerless.Provisioning.Records;

/// <summary>One execution of the provisioning, as its record remembers it.</summary>
public sealed record ExecutionEntry(
    string Execution,
    long Generation,
    ChangeKind Action,
    ChangeOutcome Outcome,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt = null,
    string? Error = null,
    string? Cause = null);
