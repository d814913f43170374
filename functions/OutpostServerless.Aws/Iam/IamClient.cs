using System.Xml.Linq;
using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.Client.Http;
using OutpostServerless.Aws.Protocols.Query;

namespace OutpostServerless.Aws.Iam;

/// <summary>
/// The IAM port over HTTP: awsQuery, version 2010-05-08, the global endpoint signed for us-east-1.
/// Policy documents come back URL-encoded and are decoded here, as the port promises; the two
/// list operations follow <c>Marker</c> until the list is complete.
/// </summary>
public sealed class IamClient(AwsHttpPipeline pipeline, ServiceEndpoint endpoint) : IIam
{
    public const string ApiVersion = "2010-05-08";

    private readonly AwsQueryProtocol _protocol = new(pipeline, AwsService.Iam, endpoint, ApiVersion);

    public async Task<CreateRoleResponse> CreateRoleAsync(CreateRoleRequest request, CancellationToken cancellationToken = default) =>
        new(await InvokeAsync("CreateRole", request, r => new QueryParameters()
            .Add("Path", r.Path)
            .Add("RoleName", r.RoleName)
            .Add("AssumeRolePolicyDocument", r.AssumeRolePolicyDocument)
            .Add("Description", r.Description)
            .AddList("Tags", r.Tags, WriteTag), "Role", ReadRole, cancellationToken));

    public async Task<GetRoleResponse> GetRoleAsync(GetRoleRequest request, CancellationToken cancellationToken = default) =>
        new(await InvokeAsync("GetRole", request, r => RoleName(r.RoleName), "Role", ReadRole, cancellationToken));

    public Task DeleteRoleAsync(DeleteRoleRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("DeleteRole", request, r => RoleName(r.RoleName), cancellationToken);

    public async Task<CreateServiceLinkedRoleResponse> CreateServiceLinkedRoleAsync(CreateServiceLinkedRoleRequest request, CancellationToken cancellationToken = default) =>
        new(await InvokeAsync("CreateServiceLinkedRole", request, r => new QueryParameters()
            .Add("AWSServiceName", r.AwsServiceName)
            .Add("Description", r.Description)
            .Add("CustomSuffix", r.CustomSuffix), "Role", ReadRole, cancellationToken));

    public Task PutRolePolicyAsync(PutRolePolicyRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("PutRolePolicy", request, r => RoleName(r.RoleName)
            .Add("PolicyName", r.PolicyName)
            .Add("PolicyDocument", r.PolicyDocument), cancellationToken);

    public async Task<GetRolePolicyResponse> GetRolePolicyAsync(GetRolePolicyRequest request, CancellationToken cancellationToken = default)
    {
        var result = await InvokeAsync("GetRolePolicy", request, r => RoleName(r.RoleName).Add("PolicyName", r.PolicyName), cancellationToken);
        return new GetRolePolicyResponse(
            _protocol.Required("GetRolePolicy", result, "RoleName"),
            _protocol.Required("GetRolePolicy", result, "PolicyName"),
            Uri.UnescapeDataString(_protocol.Required("GetRolePolicy", result, "PolicyDocument")));
    }

    public async Task<ListRolePoliciesResponse> ListRolePoliciesAsync(ListRolePoliciesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var names = await AllPagesAsync("ListRolePolicies", RoleName(request.RoleName),
            result => result.Members("PolicyNames").Select(m => m.Value), cancellationToken);
        return new ListRolePoliciesResponse(names);
    }

    public Task DeleteRolePolicyAsync(DeleteRolePolicyRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("DeleteRolePolicy", request, r => RoleName(r.RoleName).Add("PolicyName", r.PolicyName), cancellationToken);

    public Task AttachRolePolicyAsync(AttachRolePolicyRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("AttachRolePolicy", request, r => RoleName(r.RoleName).Add("PolicyArn", r.PolicyArn), cancellationToken);

    public async Task<ListAttachedRolePoliciesResponse> ListAttachedRolePoliciesAsync(ListAttachedRolePoliciesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var policies = await AllPagesAsync("ListAttachedRolePolicies", RoleName(request.RoleName),
            result => result.Members("AttachedPolicies").Select(m => new AttachedPolicy(
                _protocol.Required("ListAttachedRolePolicies", m, "PolicyName"),
                _protocol.Required("ListAttachedRolePolicies", m, "PolicyArn"))),
            cancellationToken);
        return new ListAttachedRolePoliciesResponse(policies);
    }

    public Task DetachRolePolicyAsync(DetachRolePolicyRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("DetachRolePolicy", request, r => RoleName(r.RoleName).Add("PolicyArn", r.PolicyArn), cancellationToken);

    public async Task<CreateInstanceProfileResponse> CreateInstanceProfileAsync(CreateInstanceProfileRequest request, CancellationToken cancellationToken = default) =>
        new(await InvokeAsync("CreateInstanceProfile", request, r => InstanceProfileName(r.InstanceProfileName)
            .Add("Path", r.Path)
            .AddList("Tags", r.Tags, WriteTag), "InstanceProfile", ReadInstanceProfile, cancellationToken));

    public async Task<GetInstanceProfileResponse> GetInstanceProfileAsync(GetInstanceProfileRequest request, CancellationToken cancellationToken = default) =>
        new(await InvokeAsync("GetInstanceProfile", request, r => InstanceProfileName(r.InstanceProfileName), "InstanceProfile", ReadInstanceProfile, cancellationToken));

    public Task AddRoleToInstanceProfileAsync(AddRoleToInstanceProfileRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("AddRoleToInstanceProfile", request, r => InstanceProfileName(r.InstanceProfileName).Add("RoleName", r.RoleName), cancellationToken);

    public Task RemoveRoleFromInstanceProfileAsync(RemoveRoleFromInstanceProfileRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("RemoveRoleFromInstanceProfile", request, r => InstanceProfileName(r.InstanceProfileName).Add("RoleName", r.RoleName), cancellationToken);

    public Task DeleteInstanceProfileAsync(DeleteInstanceProfileRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("DeleteInstanceProfile", request, r => InstanceProfileName(r.InstanceProfileName), cancellationToken);

    private static QueryParameters RoleName(string roleName) => new QueryParameters().Add("RoleName", roleName);

    private static QueryParameters InstanceProfileName(string profileName) => new QueryParameters().Add("InstanceProfileName", profileName);

    /// <summary>Checks the request before its parameters are read, as every operation must.</summary>
    private Task<XElement> InvokeAsync<TRequest>(string operation, TRequest request, Func<TRequest, QueryParameters> parameters, CancellationToken cancellationToken)
        where TRequest : class
    {
        ArgumentNullException.ThrowIfNull(request);
        return _protocol.InvokeAsync(operation, parameters(request), cancellationToken);
    }

    /// <summary>Invokes <paramref name="operation"/> and reads the one structure its result holds (<c>Role</c>, <c>InstanceProfile</c>).</summary>
    private async Task<T> InvokeAsync<TRequest, T>(
        string operation,
        TRequest request,
        Func<TRequest, QueryParameters> parameters,
        string member,
        Func<string, XElement, T> read,
        CancellationToken cancellationToken)
        where TRequest : class =>
        read(operation, Child(operation, await InvokeAsync(operation, request, parameters, cancellationToken), member));

    private async Task<IReadOnlyList<T>> AllPagesAsync<T>(string operation, QueryParameters first, Func<XElement, IEnumerable<T>> read, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var parameters = first;
        while (true)
        {
            var result = await _protocol.InvokeAsync(operation, parameters, cancellationToken);
            items.AddRange(read(result));
            var marker = result.Text("Marker");
            if (result.Bool("IsTruncated") != true || string.IsNullOrEmpty(marker))
            {
                return items;
            }

            parameters = new QueryParameters();
            foreach (var (name, value) in first.Values)
            {
                parameters.Add(name, value);
            }

            parameters.Add("Marker", marker);
        }
    }

    private static void WriteTag(QueryParameters parameters, string prefix, IamTag tag) =>
        parameters.Add($"{prefix}.Key", tag.Key).Add($"{prefix}.Value", tag.Value);

    private XElement Child(string operation, XElement result, string member) =>
        result.Child(member) ?? throw new AwsResponseFormatException(AwsService.Iam.SigningName, operation, $"missing {member}");

    private Role ReadRole(string operation, XElement role) => new()
    {
        RoleName = _protocol.Required(operation, role, "RoleName"),
        RoleId = _protocol.Required(operation, role, "RoleId"),
        Arn = _protocol.Required(operation, role, "Arn"),
        Path = role.Text("Path") ?? "/",
        CreateDate = QueryXml.ParseTimestamp(_protocol.Required(operation, role, "CreateDate")),
        AssumeRolePolicyDocument = role.Text("AssumeRolePolicyDocument") is { } document ? Uri.UnescapeDataString(document) : null,
        Tags = ReadTags(operation, role),
    };

    private InstanceProfile ReadInstanceProfile(string operation, XElement profile) => new()
    {
        InstanceProfileName = _protocol.Required(operation, profile, "InstanceProfileName"),
        InstanceProfileId = _protocol.Required(operation, profile, "InstanceProfileId"),
        Arn = _protocol.Required(operation, profile, "Arn"),
        Path = profile.Text("Path") ?? "/",
        CreateDate = QueryXml.ParseTimestamp(_protocol.Required(operation, profile, "CreateDate")),
        Roles = profile.Members("Roles").Select(role => ReadRole(operation, role)).ToList(),
        Tags = ReadTags(operation, profile),
    };

    private List<IamTag> ReadTags(string operation, XElement owner) =>
        owner.Members("Tags").Select(tag => new IamTag(_protocol.Required(operation, tag, "Key"), tag.Text("Value") ?? string.Empty)).ToList();
}
