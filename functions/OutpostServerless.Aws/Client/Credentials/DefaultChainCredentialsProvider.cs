using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace OutpostServerless.Aws.Client.Credentials;

/// <summary>
/// The AWS SDK's default credential chain (environment variables, shared profile, SSO, web
/// identity, container and instance metadata), resolved on first use; the resolved
/// <see cref="AWSCredentials"/> refresh themselves when they expire.
/// </summary>
public sealed class DefaultChainCredentialsProvider : ICredentialsProvider
{
    // Two racing first calls may both resolve the chain; the result is the same, so no lock.
    private AWSCredentials? _resolved;

    public async ValueTask<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        var credentials = _resolved ??= await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null).WaitAsync(cancellationToken);
        return await credentials.GetCredentialsAsync().WaitAsync(cancellationToken);
    }
}
