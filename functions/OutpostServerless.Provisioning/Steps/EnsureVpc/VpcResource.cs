namespace OutpostServerless.Provisioning.Steps;

/// <summary><c>$.resources.vpc</c>: the VPC the Outpost subnet goes into (created, or the request's own).</summary>
public sealed record VpcResource(string VpcId, string CidrBlock);
