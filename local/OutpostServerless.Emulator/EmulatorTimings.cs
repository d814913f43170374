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

    /// <summary>shutting-down → terminated.</summary>
    public TimeSpan InstanceTermination { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>From launch until the ECS agent registers the instance with its cluster.</summary>
    public TimeSpan AgentRegistration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>PENDING → RUNNING for a placed task.</summary>
    public TimeSpan TaskStart { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>STOPPING → STOPPED once a task is asked to stop.</summary>
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
