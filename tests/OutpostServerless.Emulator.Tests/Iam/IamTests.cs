using OutpostServerless.Aws.Iam;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Iam;

public sealed class IamTests
{
    private readonly TestWorld _world = new();

    private Task<CreateRoleResponse> CreateRoleAsync(string name, string? path = null) =>
        _world.Aws.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = name, AssumeRolePolicyDocument = TestWorld.Ec2TrustPolicy, Path = path });

    [Fact]
    public async Task CreateRole_returns_the_role_ARN_with_account_and_path()
    {
        var response = await CreateRoleAsync("ecsRole", "/outpost/");

        Assert.Equal("arn:aws:iam::123456789012:role/outpost/ecsRole", response.Role.Arn);
        Assert.Matches("^AROA[A-Z2-7]{17}$", response.Role.RoleId);
    }

    [Theory]
    [InlineData("ecsRole")]
    [InlineData("ECSROLE")]
    public async Task CreateRole_of_an_existing_name_in_any_case_fails_EntityAlreadyExists(string second)
    {
        await CreateRoleAsync("ecsRole");

        await AwsAssert.ServiceErrorAsync(IamErrorCodes.EntityAlreadyExists, () => CreateRoleAsync(second));
    }

    [Theory]
    [InlineData("ecs role")]
    [InlineData("ecs/role")]
    [InlineData("a123456789a123456789a123456789a123456789a123456789a123456789a1234")]
    public async Task CreateRole_with_a_name_IAM_rejects_fails_ValidationError(string name) =>
        await AwsAssert.ServiceErrorAsync(IamErrorCodes.ValidationError, () => CreateRoleAsync(name));

    [Fact]
    public async Task CreateRole_with_a_trust_policy_that_is_not_JSON_fails_MalformedPolicyDocument() =>
        await AwsAssert.ServiceErrorAsync(IamErrorCodes.MalformedPolicyDocument,
            () => _world.Aws.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = "ecsRole", AssumeRolePolicyDocument = "{not json" }));

    [Fact]
    public async Task GetRole_of_a_missing_role_fails_NoSuchEntity() =>
        await AwsAssert.ServiceErrorAsync(IamErrorCodes.NoSuchEntity, () => _world.Aws.Iam.GetRoleAsync(new GetRoleRequest("missing")));

    [Fact]
    public async Task PutRolePolicy_then_GetRolePolicy_returns_the_document()
    {
        await CreateRoleAsync("ecsRole");
        const string document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecs:*","Resource":"*"}]}""";

        await _world.Aws.Iam.PutRolePolicyAsync(new PutRolePolicyRequest("ecsRole", "ecsRolePolicy", document));

        var policy = await _world.Aws.Iam.GetRolePolicyAsync(new GetRolePolicyRequest("ecsRole", "ecsRolePolicy"));
        Assert.Equal(document, policy.PolicyDocument);
    }

    [Theory]
    [InlineData("arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role")]
    [InlineData("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")]
    public async Task AttachRolePolicy_of_an_AWS_managed_policy_attaches_it(string policyArn)
    {
        await CreateRoleAsync("ecsRole");

        await _world.Aws.Iam.AttachRolePolicyAsync(new AttachRolePolicyRequest("ecsRole", policyArn));

        var attached = await _world.Aws.Iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest("ecsRole"));
        Assert.Equal([policyArn], attached.AttachedPolicies.Select(p => p.PolicyArn));
    }

    [Fact]
    public async Task AttachRolePolicy_of_a_policy_that_does_not_exist_fails_NoSuchEntity()
    {
        await CreateRoleAsync("ecsRole");

        await AwsAssert.ServiceErrorAsync(IamErrorCodes.NoSuchEntity,
            () => _world.Aws.Iam.AttachRolePolicyAsync(new AttachRolePolicyRequest("ecsRole", "arn:aws:iam::aws:policy/NoSuchPolicy")));
    }

    [Fact]
    public async Task AttachRolePolicy_of_a_malformed_ARN_fails_InvalidInput()
    {
        await CreateRoleAsync("ecsRole");

        await AwsAssert.ServiceErrorAsync(IamErrorCodes.InvalidInput,
            () => _world.Aws.Iam.AttachRolePolicyAsync(new AttachRolePolicyRequest("ecsRole", "AmazonEC2ContainerServiceforEC2Role")));
    }

    [Fact]
    public async Task DeleteRole_with_an_attached_policy_fails_DeleteConflict()
    {
        await CreateRoleAsync("ecsRole");
        await _world.Aws.Iam.AttachRolePolicyAsync(new AttachRolePolicyRequest("ecsRole", TestWorld.EcsInstancePolicyArn));

        await AwsAssert.ServiceErrorAsync(IamErrorCodes.DeleteConflict, () => _world.Aws.Iam.DeleteRoleAsync(new DeleteRoleRequest("ecsRole")));
    }

    [Fact]
    public async Task DeleteRole_with_an_inline_policy_fails_DeleteConflict()
    {
        await CreateRoleAsync("ecsRole");
        await _world.Aws.Iam.PutRolePolicyAsync(new PutRolePolicyRequest("ecsRole", "p", """{"Statement":[]}"""));

        await AwsAssert.ServiceErrorAsync(IamErrorCodes.DeleteConflict, () => _world.Aws.Iam.DeleteRoleAsync(new DeleteRoleRequest("ecsRole")));
    }

    [Fact]
    public async Task DeleteRole_still_in_an_instance_profile_fails_DeleteConflict()
    {
        await _world.Aws.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = "ecsRole", AssumeRolePolicyDocument = TestWorld.Ec2TrustPolicy });
        await _world.Aws.Iam.CreateInstanceProfileAsync(new CreateInstanceProfileRequest { InstanceProfileName = "outpost" });
        await _world.Aws.Iam.AddRoleToInstanceProfileAsync(new AddRoleToInstanceProfileRequest("outpost", "ecsRole"));

        await AwsAssert.ServiceErrorAsync(IamErrorCodes.DeleteConflict, () => _world.Aws.Iam.DeleteRoleAsync(new DeleteRoleRequest("ecsRole")));
    }

    [Fact]
    public async Task DeleteInstanceProfile_that_still_has_a_role_fails_DeleteConflict()
    {
        await _world.EcsInstanceProfileAsync("outpost");

        await AwsAssert.ServiceErrorAsync(IamErrorCodes.DeleteConflict, () => _world.Aws.Iam.DeleteInstanceProfileAsync(new DeleteInstanceProfileRequest("outpost")));
    }

    [Fact]
    public async Task AddRoleToInstanceProfile_of_a_second_role_fails_LimitExceeded()
    {
        await _world.EcsInstanceProfileAsync("outpost");
        await CreateRoleAsync("other");

        await AwsAssert.ServiceErrorAsync(IamErrorCodes.LimitExceeded,
            () => _world.Aws.Iam.AddRoleToInstanceProfileAsync(new AddRoleToInstanceProfileRequest("outpost", "other")));
    }

    [Fact]
    public async Task Teardown_in_IAM_order_removes_role_and_instance_profile()
    {
        await _world.EcsInstanceProfileAsync("outpost");

        await _world.Aws.Iam.RemoveRoleFromInstanceProfileAsync(new RemoveRoleFromInstanceProfileRequest("outpost", "outpost"));
        await _world.Aws.Iam.DeleteInstanceProfileAsync(new DeleteInstanceProfileRequest("outpost"));
        await _world.Aws.Iam.DetachRolePolicyAsync(new DetachRolePolicyRequest("outpost", TestWorld.EcsInstancePolicyArn));
        await _world.Aws.Iam.DeleteRoleAsync(new DeleteRoleRequest("outpost"));

        await AwsAssert.ServiceErrorAsync(IamErrorCodes.NoSuchEntity, () => _world.Aws.Iam.GetInstanceProfileAsync(new GetInstanceProfileRequest("outpost")));
        await AwsAssert.ServiceErrorAsync(IamErrorCodes.NoSuchEntity, () => _world.Aws.Iam.GetRoleAsync(new GetRoleRequest("outpost")));
    }

    [Fact]
    public async Task GetInstanceProfile_lists_its_role()
    {
        await _world.EcsInstanceProfileAsync("outpost");

        var profile = await _world.Aws.Iam.GetInstanceProfileAsync(new GetInstanceProfileRequest("outpost"));

        Assert.Equal("arn:aws:iam::123456789012:instance-profile/outpost", profile.InstanceProfile.Arn);
        Assert.Equal(["outpost"], profile.InstanceProfile.Roles.Select(r => r.RoleName));
    }

    [Fact]
    public async Task A_fresh_account_has_no_ECS_service_linked_role() =>
        await AwsAssert.ServiceErrorAsync(IamErrorCodes.NoSuchEntity, () => _world.Aws.Iam.GetRoleAsync(new GetRoleRequest("AWSServiceRoleForECS")));

    [Fact]
    public async Task CreateServiceLinkedRole_for_ECS_makes_AWSServiceRoleForECS_under_the_service_path_trusting_ECS()
    {
        var created = await _world.Aws.Iam.CreateServiceLinkedRoleAsync(new CreateServiceLinkedRoleRequest { AwsServiceName = "ecs.amazonaws.com" });

        Assert.Equal("arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS", created.Role.Arn);
        Assert.Contains("\"Service\":\"ecs.amazonaws.com\"", created.Role.AssumeRolePolicyDocument, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateServiceLinkedRole_a_second_time_fails_InvalidInput_with_IAMs_has_been_taken_message()
    {
        await _world.Aws.Iam.CreateServiceLinkedRoleAsync(new CreateServiceLinkedRoleRequest { AwsServiceName = "ecs.amazonaws.com" });

        var error = await AwsAssert.ServiceErrorAsync(IamErrorCodes.InvalidInput,
            () => _world.Aws.Iam.CreateServiceLinkedRoleAsync(new CreateServiceLinkedRoleRequest { AwsServiceName = "ecs.amazonaws.com" }));

        Assert.Equal("Service role name AWSServiceRoleForECS has been taken in this account, please try a different suffix.", error.Message);
    }

    [Fact]
    public async Task CreateServiceLinkedRole_for_ECS_with_a_custom_suffix_fails_InvalidInput() =>
        await AwsAssert.ServiceErrorAsync(IamErrorCodes.InvalidInput,
            () => _world.Aws.Iam.CreateServiceLinkedRoleAsync(new CreateServiceLinkedRoleRequest { AwsServiceName = "ecs.amazonaws.com", CustomSuffix = "mine" }));
}
