using System.Text.RegularExpressions;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator.Iam;

/// <summary>
/// IAM's roles, inline and attached policies, and instance profiles. Names are unique without
/// regard to case, as in IAM ("MyRole" and "myrole" are the same role).
/// </summary>
internal sealed partial class IamWorld(EmulatedRegion region)
{
    private const int MaxManagedPoliciesPerRole = 10;

    private IamState State => region.State.Iam;

    public RoleRecord? FindRole(string? name) => State.Roles.Find(r => string.Equals(r.RoleName, name, StringComparison.OrdinalIgnoreCase));

    public InstanceProfileRecord? FindInstanceProfile(string? name) =>
        State.InstanceProfiles.Find(p => string.Equals(p.InstanceProfileName, name, StringComparison.OrdinalIgnoreCase));

    public InstanceProfileRecord? FindInstanceProfileByArn(string? arn) => State.InstanceProfiles.Find(p => p.Arn == arn);

    /// <summary>
    /// Whether an instance launched with this profile gets credentials that let the ECS agent
    /// register: the profile still exists, holds a role, the role trusts EC2, and a policy of the
    /// role allows <c>ecs:RegisterContainerInstance</c>.
    /// </summary>
    public bool CanRegisterContainerInstance(string? instanceProfileArn)
    {
        var role = FindRole(FindInstanceProfileByArn(instanceProfileArn)?.RoleNames.FirstOrDefault());
        return role is not null
            && PolicyDocument.TrustsService(role.AssumeRolePolicyDocument, "ec2.amazonaws.com")
            && (role.AttachedPolicyArns.Exists(ManagedPolicyCatalog.AllowsEcsRegistration)
                || role.InlinePolicies.Values.Any(p => PolicyDocument.Allows(p, "ecs:RegisterContainerInstance")));
    }

    /// <summary>Roles (not service-linked ones) and instance profiles whose tags pass <paramref name="include"/>.</summary>
    public IEnumerable<EmulatedResource> Resources(Func<Dictionary<string, string>, bool> include)
    {
        // A service-linked role is the service's own (like a VPC's default group), shared by the account.
        foreach (var role in State.Roles.Where(r => !IsServiceLinked(r) && include(r.Tags)))
        {
            yield return new EmulatedResource("role", role.RoleName, role.Tags);
        }

        foreach (var profile in State.InstanceProfiles.Where(p => include(p.Tags)))
        {
            yield return new EmulatedResource("instance-profile", profile.InstanceProfileName, profile.Tags);
        }
    }

    // ---- roles ----

    public CreateRoleResponse CreateRole(CreateRoleRequest request)
    {
        IamNames.Require(request.RoleName, "roleName", 64);
        var path = IamNames.RequirePath(request.Path);
        if (PolicyDocument.Problem(request.AssumeRolePolicyDocument) is { } problem)
        {
            throw IamErrors.Malformed(problem);
        }

        if (request.Description is { Length: > 1000 })
        {
            throw IamErrors.Validation(request.Description, "description", "Member must have length less than or equal to 1000");
        }

        var tags = Tags(request.Tags);
        if (FindRole(request.RoleName) is not null)
        {
            throw IamErrors.AlreadyExists($"Role with name {request.RoleName} already exists.");
        }

        var role = new RoleRecord
        {
            RoleName = request.RoleName,
            RoleId = UniqueId("AROA", "role-id"),
            Path = path,
            Arn = Arn("role", path, request.RoleName),
            AssumeRolePolicyDocument = request.AssumeRolePolicyDocument,
            Description = request.Description,
            CreateDate = Truncated(region.Now),
            Tags = tags,
        };
        State.Roles.Add(role);
        return new CreateRoleResponse(ToModel(role));
    }

    public GetRoleResponse GetRole(GetRoleRequest request)
    {
        IamNames.Require(request.RoleName, "roleName", 64);
        return new GetRoleResponse(ToModel(RequireRole(request.RoleName)));
    }

    public void DeleteRole(DeleteRoleRequest request)
    {
        IamNames.Require(request.RoleName, "roleName", 64);
        var role = RequireRole(request.RoleName);
        if (State.InstanceProfiles.Exists(p => p.RoleNames.Contains(role.RoleName, StringComparer.OrdinalIgnoreCase)))
        {
            throw IamErrors.DeleteConflict("Cannot delete entity, must remove roles from instance profile first.");
        }

        if (role.AttachedPolicyArns.Count > 0)
        {
            throw IamErrors.DeleteConflict("Cannot delete entity, must detach all policies first.");
        }

        if (role.InlinePolicies.Count > 0)
        {
            throw IamErrors.DeleteConflict("Cannot delete entity, must delete policies first.");
        }

        State.Roles.Remove(role);
    }

    // ---- inline policies ----

    public void PutRolePolicy(PutRolePolicyRequest request)
    {
        IamNames.Require(request.RoleName, "roleName", 64);
        IamNames.Require(request.PolicyName, "policyName", 128);
        if (PolicyDocument.Problem(request.PolicyDocument) is { } problem)
        {
            throw IamErrors.Malformed(problem);
        }

        var role = RequireRole(request.RoleName);
        var existing = role.InlinePolicies.Keys.FirstOrDefault(k => string.Equals(k, request.PolicyName, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            role.InlinePolicies.Remove(existing);
        }

        role.InlinePolicies[request.PolicyName] = request.PolicyDocument;
    }

    public GetRolePolicyResponse GetRolePolicy(GetRolePolicyRequest request)
    {
        var role = RequireRole(request.RoleName);
        var (name, document) = RequireInlinePolicy(role, request.PolicyName);
        return new GetRolePolicyResponse(role.RoleName, name, document);
    }

    public ListRolePoliciesResponse ListRolePolicies(ListRolePoliciesRequest request)
    {
        var role = RequireRole(request.RoleName);
        return new ListRolePoliciesResponse([.. role.InlinePolicies.Keys.Order(StringComparer.Ordinal)]);
    }

    public void DeleteRolePolicy(DeleteRolePolicyRequest request)
    {
        var role = RequireRole(request.RoleName);
        var (name, _) = RequireInlinePolicy(role, request.PolicyName);
        role.InlinePolicies.Remove(name);
    }

    // ---- managed policies ----

    public void AttachRolePolicy(AttachRolePolicyRequest request)
    {
        IamNames.Require(request.RoleName, "roleName", 64);
        RequirePolicyArn(request.PolicyArn);
        var role = RequireRole(request.RoleName);
        if (!ManagedPolicyCatalog.Exists(request.PolicyArn))
        {
            throw IamErrors.NoSuchEntity($"Policy {request.PolicyArn} does not exist or is not attachable.");
        }

        if (role.AttachedPolicyArns.Contains(request.PolicyArn, StringComparer.Ordinal))
        {
            return;
        }

        if (role.AttachedPolicyArns.Count >= MaxManagedPoliciesPerRole)
        {
            throw IamErrors.LimitExceeded($"Cannot exceed quota for PoliciesPerRole: {MaxManagedPoliciesPerRole}");
        }

        role.AttachedPolicyArns.Add(request.PolicyArn);
    }

    public ListAttachedRolePoliciesResponse ListAttachedRolePolicies(ListAttachedRolePoliciesRequest request)
    {
        var role = RequireRole(request.RoleName);
        return new ListAttachedRolePoliciesResponse(role.AttachedPolicyArns.ConvertAll(a => new AttachedPolicy(ManagedPolicyCatalog.NameOf(a), a)));
    }

    public void DetachRolePolicy(DetachRolePolicyRequest request)
    {
        RequirePolicyArn(request.PolicyArn);
        var role = RequireRole(request.RoleName);
        if (!role.AttachedPolicyArns.Remove(request.PolicyArn))
        {
            throw IamErrors.NoSuchEntity($"Policy {request.PolicyArn} was not found.");
        }
    }

    // ---- instance profiles ----

    public CreateInstanceProfileResponse CreateInstanceProfile(CreateInstanceProfileRequest request)
    {
        IamNames.Require(request.InstanceProfileName, "instanceProfileName", 128);
        var path = IamNames.RequirePath(request.Path);
        var tags = Tags(request.Tags);
        if (FindInstanceProfile(request.InstanceProfileName) is not null)
        {
            throw IamErrors.AlreadyExists($"Instance Profile {request.InstanceProfileName} already exists.");
        }

        var profile = new InstanceProfileRecord
        {
            InstanceProfileName = request.InstanceProfileName,
            InstanceProfileId = UniqueId("AIPA", "instance-profile-id"),
            Path = path,
            Arn = Arn("instance-profile", path, request.InstanceProfileName),
            CreateDate = Truncated(region.Now),
            Tags = tags,
        };
        State.InstanceProfiles.Add(profile);
        return new CreateInstanceProfileResponse(ToModel(profile));
    }

    public GetInstanceProfileResponse GetInstanceProfile(GetInstanceProfileRequest request)
    {
        IamNames.Require(request.InstanceProfileName, "instanceProfileName", 128);
        return new GetInstanceProfileResponse(ToModel(RequireInstanceProfile(request.InstanceProfileName)));
    }

    public void AddRoleToInstanceProfile(AddRoleToInstanceProfileRequest request)
    {
        IamNames.Require(request.InstanceProfileName, "instanceProfileName", 128);
        IamNames.Require(request.RoleName, "roleName", 64);
        var profile = RequireInstanceProfile(request.InstanceProfileName);
        var role = RequireRole(request.RoleName);
        if (profile.RoleNames.Count > 0)
        {
            throw IamErrors.LimitExceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
        }

        profile.RoleNames.Add(role.RoleName);
    }

    public void RemoveRoleFromInstanceProfile(RemoveRoleFromInstanceProfileRequest request)
    {
        var profile = RequireInstanceProfile(request.InstanceProfileName);
        var role = RequireRole(request.RoleName);
        if (profile.RoleNames.RemoveAll(n => string.Equals(n, role.RoleName, StringComparison.OrdinalIgnoreCase)) == 0)
        {
            throw IamErrors.NoSuchEntity($"The role with name {request.RoleName} cannot be found in instance profile {profile.InstanceProfileName}.");
        }
    }

    public void DeleteInstanceProfile(DeleteInstanceProfileRequest request)
    {
        var profile = RequireInstanceProfile(request.InstanceProfileName);
        if (profile.RoleNames.Count > 0)
        {
            throw IamErrors.DeleteConflict("Cannot delete entity, must remove roles from instance profile first.");
        }

        State.InstanceProfiles.Remove(profile);
    }

    // ---- helpers ----

    private RoleRecord RequireRole(string roleName) => FindRole(roleName) ?? throw IamErrors.RoleNotFound(roleName);

    private InstanceProfileRecord RequireInstanceProfile(string name) => FindInstanceProfile(name) ?? throw IamErrors.InstanceProfileNotFound(name);

    private static (string Name, string Document) RequireInlinePolicy(RoleRecord role, string policyName)
    {
        var entry = role.InlinePolicies.FirstOrDefault(p => string.Equals(p.Key, policyName, StringComparison.OrdinalIgnoreCase));
        return entry.Key is null
            ? throw IamErrors.NoSuchEntity($"The role policy with name {policyName} cannot be found.")
            : (entry.Key, entry.Value);
    }

    private static void RequirePolicyArn(string? arn)
    {
        if (arn is null || !PolicyArn().IsMatch(arn))
        {
            throw IamErrors.InvalidInput($"ARN {arn} is not valid.");
        }
    }

    private static Dictionary<string, string> Tags(IReadOnlyList<IamTag> tags)
    {
        if (tags.Count > 50)
        {
            throw IamErrors.LimitExceeded("The number of tags has reached the maximum limit.");
        }

        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var tag in tags)
        {
            if (string.IsNullOrEmpty(tag.Key) || tag.Key.Length > 128 || tag.Value.Length > 256)
            {
                throw IamErrors.Validation(tag.Key, "tags.member.key", "Member must have length between 1 and 128 (values 0 and 256)");
            }

            if (tag.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw IamErrors.InvalidInput("User-defined tag keys can't start with 'aws:'. This prefix is reserved for AWS tags.");
            }

            if (!result.TryAdd(tag.Key, tag.Value))
            {
                throw IamErrors.InvalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
        }

        return result;
    }

    // IAM unique ids are a four-letter type prefix (AROA, AIPA, ...) plus 17 base32 characters.
    private string UniqueId(string typePrefix, string sequence) => typePrefix + region.Ids.Base32(sequence, 17);

    // IAM ARNs carry the entity's path between its resource type and its name.
    private string Arn(string resourceType, string path, string name) => $"arn:aws:iam::{region.Options.AccountId}:{resourceType}{path}{name}";

    private static DateTimeOffset Truncated(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static Role ToModel(RoleRecord role) => new()
    {
        RoleName = role.RoleName,
        RoleId = role.RoleId,
        Arn = role.Arn,
        Path = role.Path,
        CreateDate = role.CreateDate,
        AssumeRolePolicyDocument = role.AssumeRolePolicyDocument,
        Tags = [.. role.Tags.Select(t => new IamTag(t.Key, t.Value))],
    };

    private InstanceProfile ToModel(InstanceProfileRecord profile) => new()
    {
        InstanceProfileName = profile.InstanceProfileName,
        InstanceProfileId = profile.InstanceProfileId,
        Arn = profile.Arn,
        Path = profile.Path,
        CreateDate = profile.CreateDate,
        Roles = [.. profile.RoleNames.Select(FindRole).OfType<RoleRecord>().Select(ToModel)],
        Tags = [.. profile.Tags.Select(t => new IamTag(t.Key, t.Value))],
    };

    [GeneratedRegex(@"^arn:aws:iam::(aws|\d{12}):policy/[\u0021-\u007E]+$")]
    private static partial Regex PolicyArn();
}
