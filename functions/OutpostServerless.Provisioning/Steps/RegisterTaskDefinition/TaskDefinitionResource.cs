namespace OutpostServerless.Provisioning.Steps;

/// <summary><c>$.resources.taskDefinition</c>.</summary>
public sealed record TaskDefinitionResource(string TaskDefinitionArn, string Family, int Revision);
