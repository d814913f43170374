namespace OutpostServerless.Provisioning.Errors;

/// <summary>
/// RunInstances refused the instance profile this provisioning just made: IAM is eventually
/// consistent, and until a new profile reaches EC2, RunInstances answers
/// <c>InvalidParameterValue: Value (…) for parameter iamInstanceProfile.name is invalid. Invalid IAM
/// Instance Profile name</c>. Only this case is retried (for minutes, AWS's real delays); any other
/// InvalidParameterValue is a real mistake and fails at once.
/// </summary>
public sealed class InstanceProfileNotPropagatedException(string instanceProfileName, Exception innerException)
    : ProvisioningException(Name, $"EC2 does not see instance profile {instanceProfileName} yet (IAM propagation): {innerException.Message}", innerException)
{
    public const string Name = "Provisioning.InstanceProfileNotPropagated";

    public string InstanceProfileName { get; } = instanceProfileName;
}
