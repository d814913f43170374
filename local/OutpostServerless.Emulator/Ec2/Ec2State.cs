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
    public List<RouteTableRecord> RouteTables { get; set; } = [];
    public List<InternetGatewayRecord> InternetGateways { get; set; } = [];
    public List<LocalGatewayVpcAssociationRecord> LocalGatewayVpcAssociations { get; set; } = [];
    public List<NatGatewayRecord> NatGateways { get; set; } = [];
    public List<TransitGatewayRecord> TransitGateways { get; set; } = [];
    public List<VpcEndpointRecord> VpcEndpoints { get; set; } = [];
    /// <summary>Public IPv4 addresses handed out so far (each launch with a public IP takes the next).</summary>
    public int PublicAddressesAssigned { get; set; }
    /// <summary>Per customer-owned IP pool, the addresses handed out so far.</summary>
    public Dictionary<string, int> CoipAddressesAssigned { get; set; } = [];
}
