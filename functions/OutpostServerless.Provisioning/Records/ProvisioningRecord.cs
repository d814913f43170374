namespace OutpostServerless.Provisioning.Records;

/// <summary>
/// The provisioning's own record, one item per provisioning id: its current generation, the lock of
/// the execution changing it (if any), the plan last applied successfully, and its last executions.
/// </summary>
public sealed record ProvisioningRecord
{
    /// <summary>How many executions the record keeps (the oldest leave first).</summary>
    public const int KeptExecutions = 10;

    public required string ProvisioningId { get; init; }

    /// <summary>Counts every change started (apply or teardown); the next execution's generation is one more.</summary>
    public long Generation { get; init; }

    public ProvisioningStatus Status { get; init; } = ProvisioningStatus.Active;

    public ChangeLock? Lock { get; init; }

    /// <summary>The validated plan (JSON) of the last apply that succeeded, and its generation.</summary>
    public string? LastAppliedPlan { get; init; }

    public long? LastAppliedGeneration { get; init; }

    /// <summary>
    /// The validated plan (JSON) of the newest apply started, whatever its outcome: its names are what a
    /// provisioning that never applied successfully (a first creation retained after failing) may have left.
    /// </summary>
    public string? AttemptedPlan { get; init; }

    /// <summary>
    /// The plan whose names a teardown looks for: the last applied one (renames are refused, so every later
    /// attempt uses the same names), else the newest attempted one; null when no apply was ever started.
    /// </summary>
    public string? TeardownPlan => LastAppliedPlan ?? AttemptedPlan;

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<ExecutionEntry> Executions { get; init; } = [];

    /// <summary><paramref name="entry"/> added last, keeping only the newest <see cref="KeptExecutions"/>.</summary>
    public IReadOnlyList<ExecutionEntry> WithExecution(ExecutionEntry entry) => [.. Executions.Append(entry).TakeLast(KeptExecutions)];
}
