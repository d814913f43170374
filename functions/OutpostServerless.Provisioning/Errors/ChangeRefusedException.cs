namespace OutpostServerless.Provisioning.Errors;

/// <summary>
/// The request changes something that cannot change in place (the Outpost, a CIDR, a name), found by
/// PlanProvisioning before anything was touched. Never retried: the same request is refused the same way.
/// </summary>
public sealed class ChangeRefusedException(string provisioningId, IReadOnlyList<FieldError> refused)
    : ProvisioningException(Name,
        $"Provisioning {provisioningId} cannot apply this request ({refused.Count} change(s) refused); nothing was changed.\n"
            + string.Join('\n', refused.Select(r => r.ToString())))
{
    public const string Name = "Provisioning.ChangeRefused";

    public string ProvisioningId { get; } = provisioningId;
    public IReadOnlyList<FieldError> Refused { get; } = refused;
}
