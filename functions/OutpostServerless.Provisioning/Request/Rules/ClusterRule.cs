using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// The cluster name and size, and the container instance tags the ECS agent registers: ECS's length,
/// character and prefix limits (these tags end up in <c>/etc/ecs/ecs.config</c>, so a stray line break
/// would also corrupt the agent's configuration).
/// </summary>
internal sealed partial class ClusterRule : IRequestRule
{
    public const int MinInstances = 1;
    public const int MaxInstances = 100;
    public const int MaxTagKeyLength = 128;
    public const int MaxTagValueLength = 256;

    private const string TagCharacters = "letters, digits, spaces and _ . : / = + - @";
    private const string OurTagPrefix = "outpost-serverless:";

    public void Check(RequestDocument request, ICollection<FieldError> errors)
    {
        var cluster = request.Cluster;
        var path = RequestDocument.ClusterPath;
        if (JsonMember.String(cluster, "name") is { } name && !ResourceNames.IsEcsName(name))
        {
            errors.Add(new FieldError(
                path.Member("name").ToString(),
                $"{ValueText.Of(name)} is not a name ECS accepts for a cluster",
                $"write {ResourceNames.EcsNameRule}, or leave name out to use the provisioning id"));
        }

        if (JsonMember.Int(cluster, "instanceCount", path, errors) is { } count && count is < MinInstances or > MaxInstances)
        {
            errors.Add(new FieldError(
                path.Member("instanceCount").ToString(),
                $"{count} is outside {MinInstances} to {MaxInstances} container instances",
                $"write a whole number from {MinInstances} to {MaxInstances}"));
        }

        if (JsonMember.Object(cluster, "containerInstanceTags") is { } tags)
        {
            CheckTags(tags, path.Member("containerInstanceTags"), errors);
        }
    }

    private static void CheckTags(JsonObject tags, FieldPath path, ICollection<FieldError> errors)
    {
        foreach (var (key, node) in tags)
        {
            var field = path.Member(key).ToString();
            var keyLength = key.EnumerateRunes().Count();
            if (keyLength is 0 or > MaxTagKeyLength)
            {
                errors.Add(new FieldError(
                    field,
                    keyLength == 0 ? "has an empty tag key" : $"has a tag key of {keyLength} characters; ECS allows {MaxTagKeyLength}",
                    $"write a tag key of 1 to {MaxTagKeyLength} {TagCharacters}"));
            }
            else if (!TagTextPattern().IsMatch(key))
            {
                errors.Add(new FieldError(
                    field,
                    $"has a tag key, {ValueText.Of(key)}, with characters ECS does not accept",
                    $"write the tag key with {TagCharacters} only"));
            }
            else if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new FieldError(field, "has a tag key starting with aws:, which is reserved for AWS", "choose a tag key without the aws: prefix"));
            }
            else if (key.StartsWith(OurTagPrefix, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new FieldError(
                    field,
                    $"has a tag key starting with {OurTagPrefix}, which provisioning sets itself ({ProvisioningTags.ProvisioningIdKey}, {ProvisioningTags.StepKey})",
                    $"choose a tag key without the {OurTagPrefix} prefix"));
            }

            if (JsonMember.AsString(node) is not { } value)
            {
                continue;
            }

            var valueLength = value.EnumerateRunes().Count();
            if (valueLength > MaxTagValueLength)
            {
                errors.Add(new FieldError(
                    field,
                    string.Create(CultureInfo.InvariantCulture, $"is {valueLength} characters long; ECS allows tag values of up to {MaxTagValueLength}"),
                    $"shorten the value to at most {MaxTagValueLength} characters"));
            }
            else if (!TagTextPattern().IsMatch(value))
            {
                errors.Add(new FieldError(
                    field,
                    $"{ValueText.Of(value)} has characters ECS does not accept in a tag value",
                    $"write the value with {TagCharacters} only (no line breaks or quotes)"));
            }
            else if (value.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new FieldError(field, "starts with aws:, which is reserved for AWS in tag values", "write the value without the aws: prefix"));
            }
        }
    }

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+@-]*\z")]
    private static partial Regex TagTextPattern();
}
