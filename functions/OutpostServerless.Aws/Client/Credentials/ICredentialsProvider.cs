using Amazon.Runtime;

namespace OutpostServerless.Aws.Client.Credentials;

/// <summary>The credentials each request is signed with, fetched per attempt so expiring ones refresh.</summary>
public interface ICredentialsProvider
{
    ValueTask<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}
