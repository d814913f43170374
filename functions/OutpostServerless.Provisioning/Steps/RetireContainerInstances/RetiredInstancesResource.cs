namespace OutpostServerless.Provisioning.Steps;

/// <summary><c>$.resources.retired</c>: the instances scale-in or a replacement terminated (none on most runs).</summary>
public sealed record RetiredInstancesResource(IReadOnlyList<string> InstanceIds);
