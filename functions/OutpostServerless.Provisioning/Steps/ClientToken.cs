using System.Security.Cryptography;
using System.Text;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Idempotency tokens for create calls that take one (RunInstances, RunTask, CreateService): the
/// same provisioning, purpose and ordinal always give the same token, so a retried call after a
/// lost response returns what the first call made instead of making it again.
/// </summary>
public static class ClientToken
{
    /// <param name="maxLength">The API's limit: 64 for RunInstances and RunTask, 36 for CreateService.</param>
    public static string For(string provisioningId, string purpose, int ordinal, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 8);
        var readable = $"{provisioningId}:{purpose}:{ordinal}";
        if (readable.Length <= maxLength && readable.All(c => c is >= '!' and <= '~'))
        {
            return readable;
        }
        // Too long or outside ASCII 33-126: a hash keeps it deterministic and within the limit.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(readable)));
        return hash[..Math.Min(maxLength, hash.Length)];
    }
}
