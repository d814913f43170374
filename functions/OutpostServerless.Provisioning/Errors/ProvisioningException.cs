namespace OutpostServerless.Provisioning.Errors;

/// <summary>
/// A failure of ours, named <c>Provisioning.&lt;Reason&gt;</c>. The Lambda host reports
/// <see cref="ErrorName"/> as the function error's <c>errorType</c>, which is the name the state
/// machine's Retry and Catch match.
/// </summary>
public abstract class ProvisioningException(string errorName, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string ErrorName { get; } = errorName;
}
