using Xunit;
using static OutpostServerless.Emulator.Tests.Wire.CliJson;

namespace OutpostServerless.Emulator.Tests.Wire;

/// <summary>Every IAM operation the ports declare, driven by the real AWS CLI (v1 and v2) over awsQuery.</summary>
public sealed class AwsCliIamTests
{
    private const string InlinePolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecs:RegisterContainerInstance","Resource":"*"}]}""";

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task Role_policies_and_instance_profile_are_made_read_and_removed_through_the_cli(AwsCliVersion version)
    {
        await using var session = await CliSession.StartAsync(version);
        var aws = session.Aws;
        var role = (await aws.JsonAsync("iam", "create-role", "--role-name", "ecsOutpost", "--assume-role-policy-document", TestWorld.Ec2TrustPolicy, "--tags", "Key=team,Value=platform"))["Role"]!;
        Assert.Equal("arn:aws:iam::123456789012:role/ecsOutpost", Text(role["Arn"]));
        // IAM sends the trust policy URL-encoded; the CLI decodes it back to the JSON document.
        Assert.Equal("ec2.amazonaws.com", Text(role["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Service"]));
        Assert.Equal(TestWorld.Start, Time(role["CreateDate"]));
        var fetched = (await aws.JsonAsync("iam", "get-role", "--role-name", "ecsOutpost"))["Role"]!;
        Assert.Equal(Text(role["RoleId"]), Text(fetched["RoleId"]));

        await aws.SucceedsAsync("iam", "put-role-policy", "--role-name", "ecsOutpost", "--policy-name", "register", "--policy-document", InlinePolicy);
        var policy = await aws.JsonAsync("iam", "get-role-policy", "--role-name", "ecsOutpost", "--policy-name", "register");
        Assert.Equal("ecs:RegisterContainerInstance", Text(policy["PolicyDocument"]!["Statement"]![0]!["Action"]));
        var inline = await aws.JsonAsync("iam", "list-role-policies", "--role-name", "ecsOutpost");
        Assert.Equal(["register"], inline["PolicyNames"]!.AsArray().Select(Text));

        await aws.SucceedsAsync("iam", "attach-role-policy", "--role-name", "ecsOutpost", "--policy-arn", TestWorld.EcsInstancePolicyArn);
        var attached = await aws.JsonAsync("iam", "list-attached-role-policies", "--role-name", "ecsOutpost");
        Assert.Equal(TestWorld.EcsInstancePolicyArn, Text(attached["AttachedPolicies"]![0]!["PolicyArn"]));

        var profile = (await aws.JsonAsync("iam", "create-instance-profile", "--instance-profile-name", "ecsOutpost"))["InstanceProfile"]!;
        Assert.Empty(profile["Roles"]!.AsArray());
        await aws.SucceedsAsync("iam", "add-role-to-instance-profile", "--instance-profile-name", "ecsOutpost", "--role-name", "ecsOutpost");
        var withRole = (await aws.JsonAsync("iam", "get-instance-profile", "--instance-profile-name", "ecsOutpost"))["InstanceProfile"]!;
        Assert.Equal("ecsOutpost", Text(withRole["Roles"]![0]!["RoleName"]));
        Assert.Equal(Text(profile["Arn"]), Text(withRole["Arn"]));

        await aws.SucceedsAsync("iam", "remove-role-from-instance-profile", "--instance-profile-name", "ecsOutpost", "--role-name", "ecsOutpost");
        await aws.SucceedsAsync("iam", "delete-instance-profile", "--instance-profile-name", "ecsOutpost");
        await aws.SucceedsAsync("iam", "detach-role-policy", "--role-name", "ecsOutpost", "--policy-arn", TestWorld.EcsInstancePolicyArn);
        await aws.SucceedsAsync("iam", "delete-role-policy", "--role-name", "ecsOutpost", "--policy-name", "register");
        await aws.SucceedsAsync("iam", "delete-role", "--role-name", "ecsOutpost");

        var gone = await aws.RunAsync("iam", "get-role", "--role-name", "ecsOutpost");
        Assert.Contains("(NoSuchEntity)", gone.Error, StringComparison.Ordinal);
        Assert.Equal(1, session.World.Cloud.Calls.Count("iam:DeleteRole"));
    }

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task The_ECS_service_linked_role_is_made_through_the_cli_once_and_a_second_request_is_refused(AwsCliVersion version)
    {
        await using var session = await CliSession.StartAsync(version);
        var aws = session.Aws;
        var role = (await aws.JsonAsync("iam", "create-service-linked-role", "--aws-service-name", "ecs.amazonaws.com"))["Role"]!;
        var again = await aws.RunAsync("iam", "create-service-linked-role", "--aws-service-name", "ecs.amazonaws.com");

        Assert.Equal("arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS", Text(role["Arn"]));
        Assert.Contains("(InvalidInput)", again.Error, StringComparison.Ordinal);
        Assert.Contains("Service role name AWSServiceRoleForECS has been taken in this account", again.Error, StringComparison.Ordinal);
    }
}
