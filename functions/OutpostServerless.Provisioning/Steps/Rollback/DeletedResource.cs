namespace OutpostServerless.Provisioning.Steps;

/// <param name="Type">e.g. <c>ecs:service</c>, <c>ec2:instance</c>, <c>iam:role</c>.</param>
/// <param name="Id">The resource's id, name or ARN, whichever the service keys it by.</param>
public sealed record DeletedResource(string Type, string Id);
