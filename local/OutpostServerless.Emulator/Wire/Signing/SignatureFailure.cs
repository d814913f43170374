namespace OutpostServerless.Emulator.Wire.Signing;

/// <summary>A rejected signature: the kind (which picks the service's error code) and AWS's message for it.</summary>
internal sealed record SignatureFailure(SignatureFailureKind Kind, string Message);
