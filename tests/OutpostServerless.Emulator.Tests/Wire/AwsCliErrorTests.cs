using Xunit;

namespace OutpostServerless.Emulator.Tests.Wire;

/// <summary>AWS errors as the real AWS CLI reports them from the emulator: the code on stderr, a failing exit code.</summary>
public sealed class AwsCliErrorTests
{
    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task A_duplicate_role_is_EntityAlreadyExists_in_the_cli_output(AwsCliVersion version)
    {
        await using var session = await CliSession.StartAsync(version);
        string[] create = ["iam", "create-role", "--role-name", "ecsOutpost", "--assume-role-policy-document", TestWorld.Ec2TrustPolicy];
        await session.Aws.SucceedsAsync(create);
        var duplicate = await session.Aws.RunAsync(create);

        Assert.NotEqual(0, duplicate.ExitCode);
        Assert.Contains("An error occurred (EntityAlreadyExists) when calling the CreateRole operation", duplicate.Error, StringComparison.Ordinal);
        Assert.Contains("Role with name ecsOutpost already exists.", duplicate.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AwsCliVersion.V1, "ec2", "describe-vpcs", "AuthFailure")]
    [InlineData(AwsCliVersion.V2, "ec2", "describe-vpcs", "AuthFailure")]
    [InlineData(AwsCliVersion.V1, "iam", "list-role-policies --role-name r", "SignatureDoesNotMatch")]
    [InlineData(AwsCliVersion.V2, "iam", "list-role-policies --role-name r", "SignatureDoesNotMatch")]
    [InlineData(AwsCliVersion.V1, "ecs", "list-tasks", "InvalidSignatureException")]
    [InlineData(AwsCliVersion.V2, "ssm", "get-parameter --name p", "InvalidSignatureException")]
    [InlineData(AwsCliVersion.V2, "outposts", "get-outpost --outpost-id op-0123456789abcdef0", "InvalidSignatureException")]
    [InlineData(AwsCliVersion.V2, "cloudwatch", "list-dashboards", "SignatureDoesNotMatch")]
    public async Task A_request_signed_with_the_wrong_secret_is_rejected_in_the_service_s_words_and_never_reaches_the_world(
        AwsCliVersion version, string service, string command, string errorCode)
    {
        await using var session = await CliSession.StartAsync(version);
        var result = await session.WithCredentials("test", "not-the-secret").RunAsync([service, .. command.Split(' ')]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"({errorCode})", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, session.World.Cloud.Calls.Total);
    }

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task An_unknown_access_key_is_InvalidClientTokenId_for_iam(AwsCliVersion version)
    {
        await using var session = await CliSession.StartAsync(version);
        var result = await session.WithCredentials("AKIDUNKNOWN", "test").RunAsync("iam", "get-role", "--role-name", "r");

        Assert.Contains("(InvalidClientTokenId)", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task An_unknown_outpost_is_NotFoundException_through_rest_json(AwsCliVersion version)
    {
        await using var session = await CliSession.StartAsync(version);
        var result = await session.Aws.RunAsync("outposts", "get-outpost", "--outpost-id", "op-0000000000000000f");

        Assert.Contains("(NotFoundException)", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task An_injected_throttle_reaches_the_cli_as_the_service_s_error(AwsCliVersion version)
    {
        await using var session = await CliSession.StartAsync(version);
        session.World.Cloud.InjectFault("ecs:CreateCluster", "ThrottlingException", "Rate exceeded");
        var result = await session.Aws.RunAsync("ecs", "create-cluster", "--cluster-name", "c");

        Assert.Contains("(ThrottlingException)", result.Error, StringComparison.Ordinal);
        Assert.Contains("Rate exceeded", result.Error, StringComparison.Ordinal);
    }
}
