namespace OutpostServerless.Provisioning.Errors;

/// <summary>
/// A teardown of a provisioning this stack has no record of (never started here, or its record holds no plan
/// naming what to look for): nothing is touched, and nothing that might belong to someone else is guessed at.
/// </summary>
public sealed class ProvisioningNotFoundException(string provisioningId)
    : ProvisioningException(
        Name,
        $"provisioningId: {provisioningId} is not a provisioning of this stack: no apply of it was ever started here. "
            + "Fix: check the id (GET /provisionings/{id} or outpost-serverless status), or apply a request with this id first.")
{
    public const string Name = "Provisioning.NotFound";

    public string ProvisioningId { get; } = provisioningId;
}
