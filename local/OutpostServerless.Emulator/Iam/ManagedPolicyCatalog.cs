namespace OutpostServerless.Emulator.Iam;

/// <summary>
/// The AWS managed policies that exist in every account (a subset, by their real ARNs), with the
/// actions that matter here. Customer managed policies cannot be created through our port, so an
/// ARN outside this list does not exist.
/// </summary>
internal static class ManagedPolicyCatalog
{
    public const string EcsInstanceRole = "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role";
    public const string AdministratorAccess = "arn:aws:iam::aws:policy/AdministratorAccess";

    private static readonly HashSet<string> Arns = new(StringComparer.Ordinal)
    {
        EcsInstanceRole,
        AdministratorAccess,
        "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
        "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
        "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
        "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
        "arn:aws:iam::aws:policy/CloudWatchLogsFullAccess",
        "arn:aws:iam::aws:policy/AmazonECS_FullAccess",
        "arn:aws:iam::aws:policy/ReadOnlyAccess",
        "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
    };

    public static bool Exists(string arn) => Arns.Contains(arn);

    /// <summary>Whether the managed policy lets the ECS agent register a container instance.</summary>
    public static bool AllowsEcsRegistration(string arn) => arn is EcsInstanceRole or AdministratorAccess;

    /// <summary>The policy's name: the last segment of its ARN.</summary>
    public static string NameOf(string arn) => arn[(arn.LastIndexOf('/') + 1)..];
}
