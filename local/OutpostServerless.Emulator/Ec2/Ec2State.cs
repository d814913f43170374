namespace OutpostServerless.Emulator.Ec2;

/// <summary>EC2's resources, in creation order (the order Describe* returns them).</summary>
internal sealed class Ec2State
{
    public List<VpcRecord> Vpcs { get; set; } = [];
    public List<SubnetRecord> Subnets { get; set; } = [];
    public List<SecurityGroupRecord> SecurityGroups { get; set; } = [];
    public List<InstanceRecord> Instances { get; set; } = [];
    public List<ReservationRecord> Reservations { get; set; } = [];
    public List<ClientTokenRecord> ClientTokens { get; set; } = [];
}
