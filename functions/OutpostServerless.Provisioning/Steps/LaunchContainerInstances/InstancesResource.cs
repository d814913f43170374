namespace OutpostServerless.Provisioning.Steps;

/// <summary><c>$.resources.instances</c>: the container instances' EC2 ids and the AMI they run.</summary>
public sealed record InstancesResource(IReadOnlyList<string> InstanceIds, string ImageId);
