using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// <c>arn:PARTITION:outposts:REGION:ACCOUNT:outpost/op-ID</c>: the Outpost, and where everything this
/// provisioning makes lives (its Region and account).
/// </summary>
public sealed partial record OutpostArn(string Partition, string Region, string AccountId, string OutpostId)
{
    public const string Example = "arn:aws:outposts:us-west-2:123456789012:outpost/op-0123456789abcdef0";

    public static bool TryParse(string text, [NotNullWhen(true)] out OutpostArn? arn, out string problem)
    {
        arn = null;
        var parts = text.Split(':');
        problem = parts switch
        {
            { Length: not 6 } => "is not an ARN of six colon-separated parts",
            [not "arn", ..] => "does not start with arn:",
            [_, var partition, ..] when !PartitionPattern().IsMatch(partition) =>
                $"has the partition {ValueText.Of(partition)}; an AWS partition such as aws, aws-cn or aws-us-gov is needed",
            [_, _, var service, ..] when service != "outposts" =>
                $"is an ARN of the service {ValueText.Of(service)}, not of outposts",
            [_, _, _, var region, ..] when !RegionPattern().IsMatch(region) =>
                $"has the Region {ValueText.Of(region)}, which is not a Region code such as us-west-2",
            [_, _, _, _, var account, _] when !AccountPattern().IsMatch(account) =>
                $"has the account {ValueText.Of(account)}, which is not 12 digits",
            [.., var resource] when !ResourcePattern().IsMatch(resource) =>
                $"names the resource {ValueText.Of(resource)}; outpost/op- followed by 17 lowercase hex digits is needed",
            _ => string.Empty,
        };
        if (problem.Length > 0)
        {
            return false;
        }

        arn = new OutpostArn(parts[1], parts[3], parts[4], parts[5]["outpost/".Length..]);
        return true;
    }

    public override string ToString() => $"arn:{Partition}:outposts:{Region}:{AccountId}:outpost/{OutpostId}";

    [GeneratedRegex(@"^aws([a-z-]*)?\z")]
    private static partial Regex PartitionPattern();

    [GeneratedRegex(@"^[a-z0-9-]+\z")]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^[0-9]{12}\z")]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"^outpost/op-[a-f0-9]{17}\z")]
    private static partial Regex ResourcePattern();
}
