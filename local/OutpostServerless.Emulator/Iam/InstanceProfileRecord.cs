namespace OutpostServerless.Emulator.Iam;

internal sealed class InstanceProfileRecord
{
    public required string InstanceProfileName { get; set; }
    public required string InstanceProfileId { get; set; }
    public required string Path { get; set; }
    public required string Arn { get; set; }
    public DateTimeOffset CreateDate { get; set; }
    /// <summary>At most one role (IAM's InstanceSessionsPerInstanceProfile quota).</summary>
    public List<string> RoleNames { get; set; } = [];
    public Dictionary<string, string> Tags { get; set; } = [];
}
