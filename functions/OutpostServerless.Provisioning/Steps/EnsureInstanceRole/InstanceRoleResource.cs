namespace OutpostServerless.Provisioning.Steps;

/// <summary><c>$.resources.instanceRole</c>: the container instance role and its instance profile.</summary>
public sealed record InstanceRoleResource(string RoleName, string RoleArn, string InstanceProfileName, string InstanceProfileArn);
