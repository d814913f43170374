namespace OutpostServerless.Provisioning.Steps;

/// <summary><c>$.resources.securityGroup</c>: the container instances' security group.</summary>
public sealed record SecurityGroupResource(string GroupId, string GroupName);
