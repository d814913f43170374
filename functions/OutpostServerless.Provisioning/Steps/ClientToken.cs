using System.Security.Cryptography;
using System.Text;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Idempotency tokens for create calls that take one (RunInstances, RunTask, CreateService): the
/// same execution, purpose and ordinal always give the same token, so a retried call after a lost
/// response returns what the first call made instead of making it again. They derive from the
/// execution, not the provisioning: AWS remembers a RunInstances token for at least 24 hours after
/// the instances end, so a token reused by the next execution with other parameters (a fixed subnet
/// after a rollback) would fail IdempotentParameterMismatch and poison the provisioning id.
/// </summary>
public static class ClientToken
{
    /// <param name="maxLength">The API's limit: 64 for RunInstances and RunTask, 36 for CreateService.</param>
    /// <param name="executionId">The execution's id (<see cref="Request.ProvisioningPlan.ExecutionId"/>).</param>
    public static string For(string executionId, string purpose, int ordinal, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 8);
        var readable = $"{executionId}:{purpose}:{ordinal}";
        if (readable.Length <= maxLength && readable.All(c => c is >= '!' and <= '~'))
        {
            return readable;
        }
        // Too long or outside ASCII 33-126: a hash keeps it deterministic and within the limit.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(readable)));
        return hash[..Math.Min(maxLength, hash.Length)];
    }
}
