namespace OutpostServerless.Provisioning.Errors;

/// <summary>
/// A resource with the name this provisioning needs already exists and was not made by it. It is
/// never adopted: using (and later deleting) someone else's resource is worse than failing.
/// </summary>
public sealed class ResourceConflictException(string resourceType, string resourceId, string provisioningId)
    : ProvisioningException(
        Name,
        $"{resourceType} {resourceId} already exists and is not tagged as made by provisioning {provisioningId}; "
            + "choose another name or remove it.")
{
    public const string Name = "Provisioning.ResourceConflict";

    public string ResourceType { get; } = resourceType;
    public string ResourceId { get; } = resourceId;
    public string ProvisioningId { get; } = provisioningId;
}
