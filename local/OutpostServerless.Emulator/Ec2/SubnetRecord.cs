namespace OutpostServerless.Emulator.Ec2;

internal sealed class SubnetRecord
{
    public required string SubnetId { get; set; }
    public required string VpcId { get; set; }
    public required string CidrBlock { get; set; }
    public required string AvailabilityZone { get; set; }
    public required string AvailabilityZoneId { get; set; }
    public string? OutpostArn { get; set; }
    /// <summary>The next host offset to hand out (AWS reserves the first four and the last address).</summary>
    public long NextHostOffset { get; set; } = 4;
    /// <summary>Instances launched here get a public IPv4 address (ModifySubnetAttribute MapPublicIpOnLaunch).</summary>
    public bool MapPublicIpOnLaunch { get; set; }
    /// <summary>Instances launched here get an address from <see cref="CustomerOwnedIpv4Pool"/> (Outpost racks).</summary>
    public bool MapCustomerOwnedIpOnLaunch { get; set; }
    public string? CustomerOwnedIpv4Pool { get; set; }
    public Dictionary<string, string> Tags { get; set; } = [];
}
