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
    public Dictionary<string, string> Tags { get; set; } = [];
}
