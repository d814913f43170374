namespace OutpostServerless.Provisioning.Steps;

/// <param name="Type">e.g. <c>ecs:service</c>, <c>ec2:security-group</c>, <c>iam:role</c>.</param>
/// <param name="Id">The resource's id, name or ARN.</param>
/// <param name="What">What was put back, e.g. <c>taskDefinition web:3, desiredCount 2</c>.</param>
public sealed record RestoredResource(string Type, string Id, string What);
