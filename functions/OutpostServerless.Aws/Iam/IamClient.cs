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
public sealed class IamClient : IIam
{
    public const string ApiVersion = "2010-05-08";

    private readonly AwsQueryProtocol _protocol;

    public IamClient(AwsHttpPipeline pipeline, ServiceEndpoint endpoint)
    {
        _protocol = new AwsQueryProtocol(pipeline, AwsService.Iam, endpoint, ApiVersion);
    }

    public async Task<CreateRoleResponse> CreateRoleAsync(CreateRoleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await _protocol.InvokeAsync("CreateRole", new QueryParameters()
            .Add("Path", request.Path)
            .Add("RoleName", request.RoleName)
            .Add("AssumeRolePolicyDocument", request.AssumeRolePolicyDocument)
            .Add("Description", request.Description)
            .AddList("Tags", request.Tags, WriteTag), cancellationToken);
        return new CreateRoleResponse(ReadRole("CreateRole", Child("CreateRole", result, "Role")));
    }

    public async Task<GetRoleResponse> GetRoleAsync(GetRoleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await _protocol.InvokeAsync("GetRole", new QueryParameters().Add("RoleName", request.RoleName), cancellationToken);
        return new GetRoleResponse(ReadRole("GetRole", Child("GetRole", result, "Role")));
    }

    public Task DeleteRoleAsync(DeleteRoleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _protocol.InvokeAsync("DeleteRole", new QueryParameters().Add("RoleName", request.RoleName), cancellationToken);
    }

    public Task PutRolePolicyAsync(PutRolePolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _protocol.InvokeAsync("PutRolePolicy", new QueryParameters()
            .Add("RoleName", request.RoleName)
            .Add("PolicyName", request.PolicyName)
            .Add("PolicyDocument", request.PolicyDocument), cancellationToken);
    }

    public async Task<GetRolePolicyResponse> GetRolePolicyAsync(GetRolePolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await _protocol.InvokeAsync("GetRolePolicy", new QueryParameters()
            .Add("RoleName", request.RoleName)
            .Add("PolicyName", request.PolicyName), cancellationToken);
        return new GetRolePolicyResponse(
            _protocol.Required("GetRolePolicy", result, "RoleName"),
            _protocol.Required("GetRolePolicy", result, "PolicyName"),
            Uri.UnescapeDataString(_protocol.Required("GetRolePolicy", result, "PolicyDocument")));
    }

    public async Task<ListRolePoliciesResponse> ListRolePoliciesAsync(ListRolePoliciesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var names = await AllPagesAsync("ListRolePolicies", new QueryParameters().Add("RoleName", request.RoleName),
            result => result.Members("PolicyNames").Select(m => m.Value), cancellationToken);
        return new ListRolePoliciesResponse(names);
    }

    public Task DeleteRolePolicyAsync(DeleteRolePolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _protocol.InvokeAsync("DeleteRolePolicy", new QueryParameters()
            .Add("RoleName", request.RoleName)
            .Add("PolicyName", request.PolicyName), cancellationToken);
    }

    public Task AttachRolePolicyAsync(AttachRolePolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _protocol.InvokeAsync("AttachRolePolicy", new QueryParameters()
            .Add("RoleName", request.RoleName)
            .Add("PolicyArn", request.PolicyArn), cancellationToken);
    }

    public async Task<ListAttachedRolePoliciesResponse> ListAttachedRolePoliciesAsync(ListAttachedRolePoliciesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var policies = await AllPagesAsync("ListAttachedRolePolicies", new QueryParameters().Add("RoleName", request.RoleName),
            result => result.Members("AttachedPolicies").Select(m => new AttachedPolicy(
                _protocol.Required("ListAttachedRolePolicies", m, "PolicyName"),
                _protocol.Required("ListAttachedRolePolicies", m, "PolicyArn"))),
            cancellationToken);
        return new ListAttachedRolePoliciesResponse(policies);
    }

    public Task DetachRolePolicyAsync(DetachRolePolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _protocol.InvokeAsync("DetachRolePolicy", new QueryParameters()
            .Add("RoleName", request.RoleName)
            .Add("PolicyArn", request.PolicyArn), cancellationToken);
    }

    public async Task<CreateInstanceProfileResponse> CreateInstanceProfileAsync(CreateInstanceProfileRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await _protocol.InvokeAsync("CreateInstanceProfile", new QueryParameters()
            .Add("InstanceProfileName", request.InstanceProfileName)
            .Add("Path", request.Path)
            .AddList("Tags", request.Tags, WriteTag), cancellationToken);
        return new CreateInstanceProfileResponse(ReadInstanceProfile("CreateInstanceProfile", Child("CreateInstanceProfile", result, "InstanceProfile")));
    }

    public async Task<GetInstanceProfileResponse> GetInstanceProfileAsync(GetInstanceProfileRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await _protocol.InvokeAsync("GetInstanceProfile", new QueryParameters().Add("InstanceProfileName", request.InstanceProfileName), cancellationToken);
        return new GetInstanceProfileResponse(ReadInstanceProfile("GetInstanceProfile", Child("GetInstanceProfile", result, "InstanceProfile")));
    }

    public Task AddRoleToInstanceProfileAsync(AddRoleToInstanceProfileRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _protocol.InvokeAsync("AddRoleToInstanceProfile", new QueryParameters()
            .Add("InstanceProfileName", request.InstanceProfileName)
            .Add("RoleName", request.RoleName), cancellationToken);
    }

    public Task RemoveRoleFromInstanceProfileAsync(RemoveRoleFromInstanceProfileRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _protocol.InvokeAsync("RemoveRoleFromInstanceProfile", new QueryParameters()
            .Add("InstanceProfileName", request.InstanceProfileName)
            .Add("RoleName", request.RoleName), cancellationToken);
    }

    public Task DeleteInstanceProfileAsync(DeleteInstanceProfileRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _protocol.InvokeAsync("DeleteInstanceProfile", new QueryParameters().Add("InstanceProfileName", request.InstanceProfileName), cancellationToken);
    }

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
