using OutpostServerless.Aws.Ecs;

namespace OutpostServerless.Emulator.Ecs;

/// <summary>A RunTask client token (scoped to a cluster, 24 hours): the request and the tasks it made.</summary>
internal sealed class RunTaskTokenRecord
{
    public required string ClusterName { get; set; }
    public required string ClientToken { get; set; }
    public required string Fingerprint { get; set; }
    public DateTimeOffset At { get; set; }
    public List<string> TaskArns { get; set; } = [];
    public List<EcsFailure> Failures { get; set; } = [];
}
