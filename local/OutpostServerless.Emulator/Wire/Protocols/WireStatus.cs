using Amazon.Runtime;

namespace OutpostServerless.Emulator.Wire.Protocols;

/// <summary>The HTTP status an AWS error travels with.</summary>
internal static class WireStatus
{
    /// <summary>The error's own status; one without (0) is a client error, 400, as AWS defaults.</summary>
    public static int Of(AmazonServiceException error) => error.StatusCode == 0 ? 400 : (int)error.StatusCode;
}
