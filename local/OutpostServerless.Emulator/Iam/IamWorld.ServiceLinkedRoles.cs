using OutpostServerless.Aws.Iam;

namespace OutpostServerless.Emulator.Iam;

/// <summary>
/// Service-linked roles: created by a service (or by CreateServiceLinkedRole) under
/// <c>/aws-service-role/&lt;service&gt;/</c>, one per account, with a name the service fixes. A fresh account
/// has none. The emulator knows ECS's (<c>AWSServiceRoleForECS</c>), the only one the workflow relies on.
/// </summary>
internal sealed partial class IamWorld
{
    public const string EcsServiceName = "ecs.amazonaws.com";
    public const string EcsServiceLinkedRoleName = "AWSServiceRoleForECS";

    public bool HasServiceLinkedRole(string serviceName) => FindRole(ServiceLinkedRoleName(serviceName)) is { } role && IsServiceLinked(role);

    public CreateServiceLinkedRoleResponse CreateServiceLinkedRole(CreateServiceLinkedRoleRequest request)
    {
        var roleName = ServiceLinkedRoleName(request.AwsServiceName)
            ?? throw IamErrors.InvalidInput($"The emulated account knows no service-linked role for {request.AwsServiceName}; only {EcsServiceName} is emulated.");
        if (!string.IsNullOrEmpty(request.CustomSuffix))
        {
            // IAM's answer for a service whose role takes no suffix, as it gives it for ECS and Elasticsearch.
            throw IamErrors.InvalidInput($"Custom suffix is not allowed for {request.AwsServiceName}");
        }

        if (FindRole(roleName) is not null)
        {
            // IAM's own words for a second request (InvalidInput, not EntityAlreadyExists).
            throw IamErrors.InvalidInput($"Service role name {roleName} has been taken in this account, please try a different suffix.");
        }

        return new CreateServiceLinkedRoleResponse(ToModel(AddServiceLinkedRole(request.AwsServiceName, roleName, request.Description)));
    }

    /// <summary>What a service does on its own when it needs its role (ECS on CreateCluster): no call is counted.</summary>
    public void EnsureServiceLinkedRole(string serviceName)
    {
        if (ServiceLinkedRoleName(serviceName) is { } roleName && FindRole(roleName) is null)
        {
            AddServiceLinkedRole(serviceName, roleName, description: null);
        }
    }

    private RoleRecord AddServiceLinkedRole(string serviceName, string roleName, string? description)
    {
        var path = ServiceLinkedRolePath(serviceName);
        var role = new RoleRecord
        {
            RoleName = roleName,
            RoleId = UniqueId("AROA", "role-id"),
            Path = path,
            Arn = Arn("role", path, roleName),
            AssumeRolePolicyDocument = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"{{serviceName}}"},"Action":"sts:AssumeRole"}]}""",
            Description = description,
            CreateDate = Truncated(region.Now),
        };
        State.Roles.Add(role);
        return role;
    }

    private static string? ServiceLinkedRoleName(string serviceName) => serviceName == EcsServiceName ? EcsServiceLinkedRoleName : null;

    private static string ServiceLinkedRolePath(string serviceName) => $"/aws-service-role/{serviceName}/";

    private static bool IsServiceLinked(RoleRecord role) => role.Path.StartsWith("/aws-service-role/", StringComparison.Ordinal);
}
