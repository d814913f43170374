namespace OutpostServerless.Emulator.Iam;

internal sealed class IamState
{
    public List<RoleRecord> Roles { get; set; } = [];
    public List<InstanceProfileRecord> InstanceProfiles { get; set; } = [];
}
