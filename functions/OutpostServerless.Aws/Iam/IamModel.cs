namespace OutpostServerless.Aws.Iam;

// The IAM request and response shapes the steps use, member names as in the IAM API.

public sealed record IamTag(string Key, string Value);

public sealed record Role
{
    public required string RoleName { get; init; }
    public required string RoleId { get; init; }
    public required string Arn { get; init; }
    public string Path { get; init; } = "/";
    public required DateTimeOffset CreateDate { get; init; }
    /// <summary>The trust policy, URL-decoded JSON.</summary>
    public string? AssumeRolePolicyDocument { get; init; }
    public IReadOnlyList<IamTag> Tags { get; init; } = [];
}

public sealed record CreateRoleRequest
{
    public required string RoleName { get; init; }
    public required string AssumeRolePolicyDocument { get; init; }
    public string? Path { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<IamTag> Tags { get; init; } = [];
}

public sealed record CreateRoleResponse(Role Role);

public sealed record GetRoleRequest(string RoleName);

public sealed record GetRoleResponse(Role Role);

public sealed record DeleteRoleRequest(string RoleName);

/// <summary>CreateServiceLinkedRole: the role a service (e.g. <c>ecs.amazonaws.com</c>) assumes in this account.</summary>
public sealed record CreateServiceLinkedRoleRequest
{
    /// <summary>The service's principal, sent as <c>AWSServiceName</c>.</summary>
    public required string AwsServiceName { get; init; }
    public string? Description { get; init; }
    public string? CustomSuffix { get; init; }
}

public sealed record CreateServiceLinkedRoleResponse(Role Role);

public sealed record PutRolePolicyRequest(string RoleName, string PolicyName, string PolicyDocument);

public sealed record GetRolePolicyRequest(string RoleName, string PolicyName);

public sealed record GetRolePolicyResponse(string RoleName, string PolicyName, string PolicyDocument);

public sealed record ListRolePoliciesRequest(string RoleName);

public sealed record ListRolePoliciesResponse(IReadOnlyList<string> PolicyNames);

public sealed record DeleteRolePolicyRequest(string RoleName, string PolicyName);

public sealed record AttachRolePolicyRequest(string RoleName, string PolicyArn);

public sealed record AttachedPolicy(string PolicyName, string PolicyArn);

public sealed record ListAttachedRolePoliciesRequest(string RoleName);

public sealed record ListAttachedRolePoliciesResponse(IReadOnlyList<AttachedPolicy> AttachedPolicies);

public sealed record DetachRolePolicyRequest(string RoleName, string PolicyArn);

public sealed record InstanceProfile
{
    public required string InstanceProfileName { get; init; }
    public required string InstanceProfileId { get; init; }
    public required string Arn { get; init; }
    public string Path { get; init; } = "/";
    public required DateTimeOffset CreateDate { get; init; }
    public IReadOnlyList<Role> Roles { get; init; } = [];
    public IReadOnlyList<IamTag> Tags { get; init; } = [];
}

public sealed record CreateInstanceProfileRequest
{
    public required string InstanceProfileName { get; init; }
    public string? Path { get; init; }
    public IReadOnlyList<IamTag> Tags { get; init; } = [];
}

public sealed record CreateInstanceProfileResponse(InstanceProfile InstanceProfile);

public sealed record GetInstanceProfileRequest(string InstanceProfileName);

public sealed record GetInstanceProfileResponse(InstanceProfile InstanceProfile);

public sealed record AddRoleToInstanceProfileRequest(string InstanceProfileName, string RoleName);

public sealed record RemoveRoleFromInstanceProfileRequest(string InstanceProfileName, string RoleName);

public sealed record DeleteInstanceProfileRequest(string InstanceProfileName);
