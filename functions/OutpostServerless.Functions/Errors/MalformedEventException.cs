using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Functions.Errors;

/// <summary>The event is not the JSON the step takes: the state machine and the function disagree.</summary>
public sealed class MalformedEventException(string message, Exception? innerException = null)
    : ProvisioningException("Provisioning.MalformedEvent", message, innerException);
