namespace OutpostServerless.Emulator.Ec2;

/// <summary>
/// A VPC endpoint: <c>Interface</c> (ECS, ECR API and registry) reaches its service from the whole
/// VPC; <c>Gateway</c> (S3) only from subnets whose route table it is associated with.
/// </summary>
internal sealed class VpcEndpointRecord
{
    public required string VpcEndpointId { get; set; }
    public required string VpcId { get; set; }
    public required string ServiceName { get; set; }
    public required string VpcEndpointType { get; set; }
    public List<string> RouteTableIds { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public Dictionary<string, string> Tags { get; set; } = [];
}
