namespace OutpostServerless.Provisioning.Steps;

/// <summary>What one teardown step deleted, in order; what was already gone is not listed (a second teardown lists nothing).</summary>
public sealed record TeardownResult(IReadOnlyList<DeletedResource> Deleted);
