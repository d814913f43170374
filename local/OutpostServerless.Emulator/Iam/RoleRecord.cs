namespace OutpostServerless.Emulator.Iam;

internal sealed class RoleRecord
{
    public required string RoleName { get; set; }
    public required string RoleId { get; set; }
    public required string Path { get; set; }
    public required string Arn { get; set; }
    public required string AssumeRolePolicyDocument { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset CreateDate { get; set; }
    public Dictionary<string, string> Tags { get; set; } = [];
    /// <summary>Inline policies by name.</summary>
    public Dictionary<string, string> InlinePolicies { get; set; } = [];
    public List<string> AttachedPolicyArns { get; set; } = [];
}
