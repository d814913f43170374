using Amazon.Runtime;
using OutpostServerless.Testing.Moto;

namespace OutpostServerless.Cli.Tests.Credentials;

/// <summary>
/// <c>--aws-endpoint</c> runs take credentials from the SDK's chain; its web identity provider (CI with OIDC,
/// EKS) calls STS through AWSSDK.SecurityToken, which the chain loads by name. moto answers as STS.
/// </summary>
public sealed class WebIdentityCredentialsTests : IDisposable
{
    private readonly string token = Path.GetTempFileName();

    [Fact]
    public async Task Web_identity_credentials_are_obtained_from_STS_through_the_security_token_package()
    {
        await using var moto = await MotoServer.StartAsync(new Dictionary<string, string?>(), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(token, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl", TestContext.Current.CancellationToken);
        // Only the STS client reads this variable, and only this test makes one.
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_STS", moto.Endpoint.ToString());

        var credentials = await new AssumeRoleWithWebIdentityCredentials(token, "arn:aws:iam::123456789012:role/deployer", "ci-run").GetCredentialsAsync();

        Assert.StartsWith("ASIA", credentials.AccessKey, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(credentials.Token));
    }

    public void Dispose() => File.Delete(token);
}
