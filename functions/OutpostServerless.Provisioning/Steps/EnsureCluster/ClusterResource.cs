namespace OutpostServerless.Provisioning.Steps;

/// <summary><c>$.resources.cluster</c>.</summary>
public sealed record ClusterResource(string ClusterName, string ClusterArn);
