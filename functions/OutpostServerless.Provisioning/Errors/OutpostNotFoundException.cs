namespace OutpostServerless.Provisioning.Errors;

/// <summary>The plan's Outpost does not exist in the account (Outposts answered NotFoundException).</summary>
public sealed class OutpostNotFoundException(string outpostId, Exception? innerException = null)
    : ProvisioningException(Name, $"Outpost {outpostId} was not found in this account and Region.", innerException)
{
    public const string Name = "Provisioning.OutpostNotFound";

    public string OutpostId { get; } = outpostId;
}
