using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// The names AWS accepts for what we create, and the names we derive from the provisioning id. The
/// patterns end in <c>\z</c>, not <c>$</c>: .NET's <c>$</c> also matches before a final newline.
/// </summary>
public static partial class ResourceNames
{
    public const int MaxProvisioningIdLength = 64;
    public const int MaxIamRoleNameLength = 64;
    public const string InstanceRoleSuffix = "-ecs-instance";
    public const string SecurityGroupSuffix = "-container-instances";
    public const string ProvisioningIdRule = "1 to 64 letters, digits, hyphens and underscores, not starting with sg-";
    public const string EcsNameRule = "1 to 255 letters, digits, hyphens and underscores";
    public const string IamRoleNameRule = "1 to 64 letters, digits and the characters + = , . @ _ -";

    /// <summary>
    /// A provisioning id becomes tags, ECS startedBy and the prefix of the security group name, which
    /// EC2 refuses when it starts with <c>sg-</c>.
    /// </summary>
    public static bool IsProvisioningId(string? id) =>
        id is not null
        && ProvisioningIdPattern().IsMatch(id)
        && !id.StartsWith("sg-", StringComparison.OrdinalIgnoreCase);

    /// <summary>ECS cluster, service, task definition family and container names.</summary>
    public static bool IsEcsName(string name) => EcsNamePattern().IsMatch(name);

    public static bool IsIamRoleName(string name) => IamRoleNamePattern().IsMatch(name);

    /// <summary><c>{provisioningId}-ecs-instance</c>, or when that is over IAM's 64 characters, the id cut
    /// short plus a hash of the whole id, so two long ids that share a prefix still get two roles.</summary>
    public static string InstanceRoleName(string provisioningId)
    {
        var name = provisioningId + InstanceRoleSuffix;
        if (name.Length <= MaxIamRoleNameLength)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(provisioningId)))[..8];
        var keep = MaxIamRoleNameLength - InstanceRoleSuffix.Length - hash.Length - 1;
        return $"{provisioningId[..keep]}-{hash}{InstanceRoleSuffix}";
    }

    public static string SecurityGroupName(string provisioningId) => provisioningId + SecurityGroupSuffix;

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z")]
    private static partial Regex ProvisioningIdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,255}\z")]
    private static partial Regex EcsNamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9+=,.@_-]{1,64}\z")]
    private static partial Regex IamRoleNamePattern();
}
