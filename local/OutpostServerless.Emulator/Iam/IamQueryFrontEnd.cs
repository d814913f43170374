using System.Net;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Emulator.Wire.Protocols;

namespace OutpostServerless.Emulator.Iam;

/// <summary>IAM over awsQuery (<c>Action=…&amp;Version=2010-05-08</c>; lists as <c>Name.member.N</c>).</summary>
internal sealed class IamQueryFrontEnd(IIam iam) : AwsQueryFrontEnd("iam", ApiVersion, XmlNamespace, "Missing Action")
{
    public const string ApiVersion = "2010-05-08";
    public const string XmlNamespace = "https://iam.amazonaws.com/doc/2010-05-08/";

    protected override async Task<QueryResult?> InvokeAsync(string action, QueryParameters p, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case "CreateRole":
                var created = await iam.CreateRoleAsync(new CreateRoleRequest
                {
                    RoleName = Required(p, "RoleName"),
                    AssumeRolePolicyDocument = Required(p, "AssumeRolePolicyDocument"),
                    Path = p.String("Path"),
                    Description = p.String("Description"),
                    Tags = Tags(p),
                }, cancellationToken);
                return new(xml => IamShapeWriter.Role(xml, "Role", created.Role));
            case "GetRole":
                var role = await iam.GetRoleAsync(new GetRoleRequest(Required(p, "RoleName")), cancellationToken);
                return new(xml => IamShapeWriter.Role(xml, "Role", role.Role));
            case "DeleteRole":
                await iam.DeleteRoleAsync(new DeleteRoleRequest(Required(p, "RoleName")), cancellationToken);
                return NoOutput;
            case "CreateServiceLinkedRole":
                var linked = await iam.CreateServiceLinkedRoleAsync(new CreateServiceLinkedRoleRequest
                {
                    AwsServiceName = Required(p, "AWSServiceName"),
                    Description = p.String("Description"),
                    CustomSuffix = p.String("CustomSuffix"),
                }, cancellationToken);
                return new(xml => IamShapeWriter.Role(xml, "Role", linked.Role));
            case "PutRolePolicy":
                await iam.PutRolePolicyAsync(new PutRolePolicyRequest(Required(p, "RoleName"), Required(p, "PolicyName"), Required(p, "PolicyDocument")), cancellationToken);
                return NoOutput;
            case "GetRolePolicy":
                var policy = await iam.GetRolePolicyAsync(new GetRolePolicyRequest(Required(p, "RoleName"), Required(p, "PolicyName")), cancellationToken);
                return new(xml =>
                {
                    xml.Element("RoleName", policy.RoleName);
                    xml.Element("PolicyName", policy.PolicyName);
                    xml.Element("PolicyDocument", IamShapeWriter.PolicyDocument(policy.PolicyDocument));
                });
            case "ListRolePolicies":
                var names = await iam.ListRolePoliciesAsync(new ListRolePoliciesRequest(Required(p, "RoleName")), cancellationToken);
                return new(xml =>
                {
                    xml.Values("PolicyNames", "member", names.PolicyNames, always: true);
                    xml.Element("IsTruncated", false);
                });
            case "DeleteRolePolicy":
                await iam.DeleteRolePolicyAsync(new DeleteRolePolicyRequest(Required(p, "RoleName"), Required(p, "PolicyName")), cancellationToken);
                return NoOutput;
            case "AttachRolePolicy":
                await iam.AttachRolePolicyAsync(new AttachRolePolicyRequest(Required(p, "RoleName"), Required(p, "PolicyArn")), cancellationToken);
                return NoOutput;
            case "ListAttachedRolePolicies":
                var attached = await iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest(Required(p, "RoleName")), cancellationToken);
                return new(xml =>
                {
                    xml.List("AttachedPolicies", "member", attached.AttachedPolicies, a =>
                    {
                        xml.Element("PolicyName", a.PolicyName);
                        xml.Element("PolicyArn", a.PolicyArn);
                    }, always: true);
                    xml.Element("IsTruncated", false);
                });
            case "DetachRolePolicy":
                await iam.DetachRolePolicyAsync(new DetachRolePolicyRequest(Required(p, "RoleName"), Required(p, "PolicyArn")), cancellationToken);
                return NoOutput;
            case "CreateInstanceProfile":
                var profile = await iam.CreateInstanceProfileAsync(new CreateInstanceProfileRequest
                {
                    InstanceProfileName = Required(p, "InstanceProfileName"),
                    Path = p.String("Path"),
                    Tags = Tags(p),
                }, cancellationToken);
                return new(xml => IamShapeWriter.InstanceProfile(xml, profile.InstanceProfile));
            case "GetInstanceProfile":
                var found = await iam.GetInstanceProfileAsync(new GetInstanceProfileRequest(Required(p, "InstanceProfileName")), cancellationToken);
                return new(xml => IamShapeWriter.InstanceProfile(xml, found.InstanceProfile));
            case "AddRoleToInstanceProfile":
                await iam.AddRoleToInstanceProfileAsync(new AddRoleToInstanceProfileRequest(Required(p, "InstanceProfileName"), Required(p, "RoleName")), cancellationToken);
                return NoOutput;
            case "RemoveRoleFromInstanceProfile":
                await iam.RemoveRoleFromInstanceProfileAsync(new RemoveRoleFromInstanceProfileRequest(Required(p, "InstanceProfileName"), Required(p, "RoleName")), cancellationToken);
                return NoOutput;
            case "DeleteInstanceProfile":
                await iam.DeleteInstanceProfileAsync(new DeleteInstanceProfileRequest(Required(p, "InstanceProfileName")), cancellationToken);
                return NoOutput;
            default:
                return null;
        }
    }

    /// <summary>A required member IAM's validation refuses when absent, naming it in camelCase as IAM does.</summary>
    private static string Required(QueryParameters p, string name) => p.String(name)
        ?? throw Error("ValidationError", $"1 validation error detected: Value null at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must not be null");

    private static List<IamTag> Tags(QueryParameters p) =>
        [.. p.Entries("Tags", "member").Select(t => new IamTag(t.String("Key") ?? string.Empty, t.String("Value") ?? string.Empty))];

    private static AwsServiceError Error(string code, string message) => new("iam", code, message, HttpStatusCode.BadRequest);
}
