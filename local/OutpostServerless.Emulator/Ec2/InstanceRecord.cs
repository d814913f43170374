namespace OutpostServerless.Emulator.Ec2;

internal sealed class InstanceRecord
{
    public required string InstanceId { get; set; }
    public required string ReservationId { get; set; }
    public required string ImageId { get; set; }
    public required string InstanceType { get; set; }
    public required string Architecture { get; set; }
    public required string SubnetId { get; set; }
    public required string VpcId { get; set; }
    public required string AvailabilityZone { get; set; }
    public required string AvailabilityZoneId { get; set; }
    public string? OutpostArn { get; set; }
    public required string PrivateIpAddress { get; set; }
    /// <summary>Given at launch when the subnet maps public IPs; released when the instance terminates.</summary>
    public string? PublicIpAddress { get; set; }
    /// <summary>Given at launch from the subnet's customer-owned IP pool.</summary>
    public string? CustomerOwnedIpAddress { get; set; }
    public List<string> SecurityGroupIds { get; set; } = [];
    public string? KeyName { get; set; }
    public string? IamInstanceProfileArn { get; set; }
    public string? IamInstanceProfileId { get; set; }
    /// <summary>Base64, as given.</summary>
    public string? UserData { get; set; }
    public string? ClientToken { get; set; }
    public int AmiLaunchIndex { get; set; }
    public DateTimeOffset LaunchTime { get; set; }
    /// <summary>pending, running, shutting-down or terminated.</summary>
    public string State { get; set; } = InstanceStates.Pending;
    public DateTimeOffset? ShutdownRequestedAt { get; set; }
    /// <summary>When it finished shutting down; its network interface lingers a while after that.</summary>
    public DateTimeOffset? TerminatedAt { get; set; }
    public string StateTransitionReason { get; set; } = string.Empty;
    public Dictionary<string, string> Tags { get; set; } = [];

    /// <summary>Occupies capacity and blocks its subnet and groups from deletion.</summary>
    public bool IsLive => State is InstanceStates.Pending or InstanceStates.Running or InstanceStates.Stopping or InstanceStates.Stopped;
}
