namespace OutpostServerless.Provisioning.Errors;

/// <summary>A resource the request names (for example <c>network.vpcId</c>) does not exist.</summary>
public sealed class ResourceNotFoundException(string field, string resourceId, Exception? innerException = null)
    : ProvisioningException(Name, $"{field} names {resourceId}, which does not exist.", innerException)
{
    public const string Name = "Provisioning.ResourceNotFound";

    /// <summary>The request field that named the resource, as in the request JSON.</summary>
    public string Field { get; } = field;
    public string ResourceId { get; } = resourceId;
}
