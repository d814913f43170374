namespace OutpostServerless.Emulator;

/// <summary>
/// What the emulated account looks like when the world is made: Region, Availability Zones,
/// Outposts with their hosts, AMIs, key pairs, the id seed and the virtual durations of things
/// that take time in AWS. <see cref="Default"/> is the world the brief describes.
/// </summary>
public sealed record EmulatorOptions
{
    public string AccountId { get; init; } = "123456789012";
    public string Region { get; init; } = "us-west-2";

    public IReadOnlyList<AvailabilityZoneOption> AvailabilityZones { get; init; } =
    [
        new("us-west-2a", "usw2-az1"),
        new("us-west-2b", "usw2-az2"),
        new("us-west-2c", "usw2-az3"),
    ];

    public IReadOnlyList<OutpostOption> Outposts { get; init; } = [OutpostOption.DefaultRack];

    public IReadOnlyList<ImageOption> Images { get; init; } =
    [
        new("ami-0c7a1ecb0e5d10001", "al2023-ami-ecs-hvm-2023.0.20250110-kernel-6.1-x86_64", "x86_64", HasEcsAgent: true,
            SsmParameter: "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"),
        new("ami-0c7a1ecb0e5d20002", "al2023-ami-ecs-hvm-2023.0.20250110-kernel-6.1-arm64", "arm64", HasEcsAgent: true,
            SsmParameter: "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id"),
        // A customer image with the ECS agent baked in (the id AWS's own examples use).
        new("ami-0abcdef1234567890", "outpost-ecs-custom-2023-x86_64", "x86_64", HasEcsAgent: true),
    ];

    public IReadOnlyList<string> KeyPairs { get; init; } = ["outpost-key"];

    /// <summary>Seeds every generated id, so two worlds built the same way name things the same.</summary>
    public long Seed { get; init; } = 20191203;

    public EmulatorTimings Timings { get; init; } = new();

    /// <summary>
    /// Whether ECS's CreateCluster manages to create <c>AWSServiceRoleForECS</c> when the account has none. ECS
    /// creates it with the caller's permissions, so it fails silently for a caller without
    /// <c>iam:CreateServiceLinkedRole</c> (the cluster is made anyway, and CreateService then fails). The emulator
    /// evaluates no IAM policy: false models such a caller.
    /// </summary>
    public bool ClusterCreatorsMayCreateServiceLinkedRole { get; init; } = true;

    public static EmulatorOptions Default { get; } = new();
}
