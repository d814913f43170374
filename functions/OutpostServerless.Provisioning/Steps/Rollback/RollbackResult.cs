namespace OutpostServerless.Provisioning.Steps;

/// <summary>What Rollback deleted, in the order it deleted it. Already-gone resources are not listed.</summary>
public sealed record RollbackResult(IReadOnlyList<DeletedResource> Deleted);
