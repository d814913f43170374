namespace OutpostServerless.Emulator.Wire.Signing;

/// <summary>Why a request's SigV4 signature was not accepted; each service names these its own way.</summary>
internal enum SignatureFailureKind
{
    /// <summary>No <c>Authorization</c> header at all.</summary>
    MissingAuthentication,

    /// <summary>The header lacks a part (Credential, SignedHeaders, Signature, a date) or is malformed.</summary>
    Incomplete,

    /// <summary>The access key id is not the emulator's.</summary>
    UnknownAccessKey,

    /// <summary>The signature we computed differs from the one sent.</summary>
    Mismatch,

    /// <summary>The request was signed more than 15 minutes before (or after) now.</summary>
    Expired,
}
