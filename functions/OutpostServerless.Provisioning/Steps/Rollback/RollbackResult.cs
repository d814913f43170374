namespace OutpostServerless.Provisioning.Steps;

/// <summary>What Rollback deleted, in the order it deleted it (already-gone resources are not listed), and what it put back.</summary>
public sealed record RollbackResult(IReadOnlyList<DeletedResource> Deleted, IReadOnlyList<RestoredResource> Restored);
