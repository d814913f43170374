namespace OutpostServerless.Emulator;

/// <summary>
/// How long things take in virtual time. Transitions are evaluated lazily against the clock on
/// every call, so nothing runs in the background and a test advances time explicitly.
/// </summary>
public sealed record EmulatorTimings
{
    /// <summary>
    /// From CreateInstanceProfile until EC2 accepts the profile: IAM is eventually consistent (IAM user
    /// guide, "Changes that I make are not always immediately visible"), and RunInstances refuses a new
    /// profile meanwhile with InvalidParameterValue. Typically seconds; Terraform's AWS provider waits up
    /// to two minutes for it.
    /// </summary>
    public TimeSpan InstanceProfilePropagation { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>pending → running.</summary>
    public TimeSpan InstanceBoot { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// shutting-down → terminated. EC2 gives no figure: a default terminate first attempts a graceful OS
    /// shutdown (EC2 user guide, "Methods for terminating an instance"), which for an EBS-backed Linux
    /// instance running containers typically takes up to about a minute; "force terminate" exists for
    /// instances stuck longer. Until then the instance holds its subnet and security groups, and its ECS
    /// container instance stays registered (ECS deregisters it once the instance is terminated).
    /// </summary>
    public TimeSpan InstanceTermination { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// terminated → its network interface deleted. The primary interface goes after the instance, and
    /// until then it still holds the subnet, the security groups and the public address, so DeleteSubnet,
    /// DeleteSecurityGroup and DetachInternetGateway answer DependencyViolation (hashicorp/terraform#11047:
    /// "there is a delay between the instance being destroyed and its network interface being destroyed";
    /// Terraform retries that error for minutes). Seconds to a minute is typical.
    /// </summary>
    public TimeSpan NetworkInterfaceRelease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>From launch until the ECS agent registers the instance with its cluster.</summary>
    public TimeSpan AgentRegistration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>PENDING → RUNNING for a placed task.</summary>
    public TimeSpan TaskStart { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// STOPPING → STOPPED once a task is asked to stop, or its instance starts shutting down: the task is
    /// STOPPED when its agent reports it so.
    /// </summary>
    public TimeSpan TaskStop { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// CREATING → ACTIVE for a new DynamoDB table. AWS documents CreateTable as asynchronous ("you can
    /// perform read and write operations only on an ACTIVE table") without a figure; an empty on-demand
    /// table typically takes a few seconds.
    /// </summary>
    public TimeSpan TableCreation { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often AWS/Outposts metrics are published (AWS: every 5 minutes).</summary>
    public TimeSpan MetricPublishInterval { get; init; } = TimeSpan.FromMinutes(5);
}
