using System.Text.RegularExpressions;

namespace OutpostServerless.Provisioning.Request;

/// <summary>IAM managed policy ARNs: <c>arn:aws:iam::aws:policy/NAME</c> (AWS managed) or
/// <c>arn:aws:iam::123456789012:policy/PATH/NAME</c> (customer managed).</summary>
public static partial class ManagedPolicyArn
{
    public const string Example = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";

    /// <summary>The policy the ECS agent on a container instance needs; always attached.</summary>
    public static string EcsInstancePolicy(string partition) =>
        $"arn:{partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role";

    public static bool IsWellFormed(string arn) => Pattern().IsMatch(arn);

    /// <summary>The partition of a well-formed policy ARN (<c>aws</c>, <c>aws-cn</c>, …).</summary>
    public static string PartitionOf(string arn) => arn.Split(':')[1];

    [GeneratedRegex(@"^arn:aws(-[a-z]+)*:iam::(aws|[0-9]{12}):policy/([A-Za-z0-9.,+@=_-]+/)*[A-Za-z0-9+=,.@_-]{1,128}\z")]
    private static partial Regex Pattern();
}
