namespace OutpostServerless.Provisioning.Errors;

/// <summary>The requested instance type is not configured on the Outpost; waiting will not help.</summary>
public sealed class InstanceTypeNotSupportedException(string outpostId, string instanceType, IReadOnlyList<string> supportedInstanceTypes)
    : ProvisioningException(
        Name,
        $"Instance type {instanceType} is not configured on Outpost {outpostId}; it supports: "
            + (supportedInstanceTypes.Count == 0 ? "(none)" : string.Join(", ", supportedInstanceTypes)) + ".")
{
    public const string Name = "Provisioning.InstanceTypeNotSupported";

    public string OutpostId { get; } = outpostId;
    public string InstanceType { get; } = instanceType;
    public IReadOnlyList<string> SupportedInstanceTypes { get; } = supportedInstanceTypes;
}
