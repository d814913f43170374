using Amazon.Runtime;

namespace OutpostServerless.Aws.Client.Credentials;

/// <summary>
/// Credentials from an AWSSDK.Core <see cref="AWSCredentials"/> (static, session, profile, role…);
/// the same object can be handed to the SDK's EC2 client, so every service signs with one identity.
/// </summary>
public sealed class SdkCredentialsProvider(AWSCredentials credentials) : ICredentialsProvider
{
    public AWSCredentials Credentials { get; } = credentials ?? throw new ArgumentNullException(nameof(credentials));

    public async ValueTask<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
        await Credentials.GetCredentialsAsync().WaitAsync(cancellationToken);

    /// <summary>Fixed keys, with an optional session token.</summary>
    public static SdkCredentialsProvider Static(string accessKeyId, string secretAccessKey, string? sessionToken = null) =>
        new(sessionToken is null ? new BasicAWSCredentials(accessKeyId, secretAccessKey) : new SessionAWSCredentials(accessKeyId, secretAccessKey, sessionToken));
}
