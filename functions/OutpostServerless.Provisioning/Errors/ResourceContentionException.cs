namespace OutpostServerless.Provisioning.Errors;

/// <summary>
/// Two attempts for the same provisioning (two executions, or a client retry after a lost response)
/// created the same resource at the same moment. This attempt removed its own copy; the state machine
/// retries after a pause, and the retry adopts the copy that remains.
/// </summary>
public sealed class ResourceContentionException(string resourceType, string provisioningId, IReadOnlyList<string> contenders)
    : ProvisioningException(
        Name,
        $"{contenders.Count} {resourceType}s tagged with provisioning {provisioningId} exist at once ({string.Join(", ", contenders)}); "
            + "this attempt keeps none of its own and will adopt the one that remains.")
{
    public const string Name = "Provisioning.ResourceContention";

    public string ResourceType { get; } = resourceType;
    public string ProvisioningId { get; } = provisioningId;
    public IReadOnlyList<string> Contenders { get; } = contenders;
}
