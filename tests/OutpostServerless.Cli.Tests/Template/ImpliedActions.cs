namespace OutpostServerless.Cli.Tests.Template;

/// <summary>
/// The IAM actions AWS authorizes on top of an API call, which no call log shows, as AWS documents them:
/// <list type="bullet">
/// <item>Tag on create (TagSpecifications / tags on the create call): EC2 also authorizes <c>ec2:CreateTags</c>
/// (condition <c>ec2:CreateAction</c> = the create call); ECS <c>ecs:TagResource</c> (condition
/// <c>ecs:CreateAction</c>); IAM <c>iam:TagRole</c> for CreateRole and <c>iam:TagInstanceProfile</c> for
/// CreateInstanceProfile. Every create call of the workflow tags what it makes.</item>
/// <item>Passing a role: <c>ec2:RunInstances</c> with an instance profile, and
/// <c>iam:AddRoleToInstanceProfile</c>, need <c>iam:PassRole</c> on the role.</item>
/// </list>
/// </summary>
internal static class ImpliedActions
{
    public static readonly IReadOnlyDictionary<string, string[]> ByCall = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["ec2:CreateVpc"] = ["ec2:CreateTags"],
        ["ec2:CreateSubnet"] = ["ec2:CreateTags"],
        ["ec2:CreateSecurityGroup"] = ["ec2:CreateTags"],
        ["ec2:CreateInternetGateway"] = ["ec2:CreateTags"],
        ["ec2:CreateRouteTable"] = ["ec2:CreateTags"],
        ["ec2:CreateLocalGatewayRouteTableVpcAssociation"] = ["ec2:CreateTags"],
        ["ec2:AuthorizeSecurityGroupIngress"] = ["ec2:CreateTags"],
        ["ec2:RunInstances"] = ["ec2:CreateTags", "iam:PassRole"],
        ["ecs:CreateCluster"] = ["ecs:TagResource"],
        ["ecs:RegisterTaskDefinition"] = ["ecs:TagResource"],
        ["ecs:CreateService"] = ["ecs:TagResource"],
        ["ecs:RunTask"] = ["ecs:TagResource"],
        ["iam:CreateRole"] = ["iam:TagRole"],
        ["iam:CreateInstanceProfile"] = ["iam:TagInstanceProfile"],
        ["iam:AddRoleToInstanceProfile"] = ["iam:PassRole"],
    };

    /// <summary>
    /// Calls a function makes only when a concurrent attempt with the same provisioning id raced it, which
    /// a sequential suite never provokes (the step tests in Provisioning.Tests/Steps/Racing do, call by
    /// call): EnsureVpc withdraws the duplicate VPC it made, RegisterTaskDefinition the duplicate revision.
    /// TeardownCluster force-deregisters container instances ECS has not yet deregistered after their instances
    /// terminated, which the suite's emulator does at once (TeardownStepsTests in Provisioning.Tests proves the call).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> RaceOnlyCallsByFunction = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["EnsureVpcFunction"] = ["ec2:DeleteVpc"],
        ["RegisterTaskDefinitionFunction"] = ["ecs:DeregisterTaskDefinition"],
        ["TeardownClusterFunction"] = ["ecs:DeregisterContainerInstance"],
    };

    /// <summary>The calls, plus what they imply.</summary>
    public static SortedSet<string> Expand(IEnumerable<string> calls)
    {
        var actions = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            actions.Add(call);
            actions.UnionWith(ByCall.GetValueOrDefault(call, []));
        }

        return actions;
    }

    /// <summary>The create calls among <paramref name="calls"/> that make <paramref name="tagAction"/> necessary, by API name (the CreateAction value).</summary>
    public static SortedSet<string> CreateActionsFor(string tagAction, IEnumerable<string> calls) =>
        new(calls.Where(c => ByCall.GetValueOrDefault(c, []).Contains(tagAction)).Select(c => c[(c.IndexOf(':', StringComparison.Ordinal) + 1)..]), StringComparer.Ordinal);
}
