using OutpostServerless.Aws.Iam;
using OutpostServerless.Emulator.Wire.Protocols;

namespace OutpostServerless.Emulator.Iam;

/// <summary>IAM's roles and instance profiles as awsQuery XML (members by their model names, lists as <c>member</c>).</summary>
internal static class IamShapeWriter
{
    /// <summary>IAM returns policy documents URL-encoded (RFC 3986); the SDKs and the CLI decode them.</summary>
    public static string? PolicyDocument(string? document) => document is null ? null : Uri.EscapeDataString(document);

    public static void Role(XmlResponseWriter xml, string element, Role role)
    {
        xml.Start(element);
        xml.Element("Path", role.Path);
        xml.Element("AssumeRolePolicyDocument", PolicyDocument(role.AssumeRolePolicyDocument));
        xml.Element("RoleName", role.RoleName);
        xml.Element("RoleId", role.RoleId);
        xml.Element("Arn", role.Arn);
        xml.Element("CreateDate", role.CreateDate);
        Tags(xml, role.Tags);
        xml.End();
    }

    public static void InstanceProfile(XmlResponseWriter xml, InstanceProfile profile)
    {
        xml.Start("InstanceProfile");
        xml.Element("InstanceProfileId", profile.InstanceProfileId);
        xml.Start("Roles");
        foreach (var role in profile.Roles)
        {
            Role(xml, "member", role);
        }

        xml.End();
        xml.Element("InstanceProfileName", profile.InstanceProfileName);
        xml.Element("Path", profile.Path);
        xml.Element("Arn", profile.Arn);
        xml.Element("CreateDate", profile.CreateDate);
        Tags(xml, profile.Tags);
        xml.End();
    }

    private static void Tags(XmlResponseWriter xml, IReadOnlyList<IamTag> tags)
    {
        if (tags.Count == 0)
        {
            return;
        }

        xml.List("Tags", "member", tags, t =>
        {
            xml.Element("Key", t.Key);
            xml.Element("Value", t.Value);
        });
    }
}
