namespace OutpostServerless.Provisioning.Steps;

/// <summary>One resource of a provisioning as AWS shows it now.</summary>
/// <param name="Type">e.g. <c>ec2:instance</c>, <c>ecs:service</c>, <c>iam:role</c> (the names Rollback and Teardown report).</param>
/// <param name="Id">The id, name or ARN the service keys it by.</param>
/// <param name="State">The service's own word for it: <c>running</c>, <c>ACTIVE</c>, <c>available</c>, … (<c>exists</c> where AWS has none).</param>
/// <param name="Detail">What else matters at a glance, e.g. a service's running/desired count and task definition.</param>
public sealed record ProvisioningResource(string Type, string Id, string State, string? Detail = null);
