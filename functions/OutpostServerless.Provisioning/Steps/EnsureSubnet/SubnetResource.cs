namespace OutpostServerless.Provisioning.Steps;

/// <summary><c>$.resources.subnet</c>: the subnet associated with the Outpost.</summary>
public sealed record SubnetResource(string SubnetId, string CidrBlock, string AvailabilityZoneId, string OutpostArn);
