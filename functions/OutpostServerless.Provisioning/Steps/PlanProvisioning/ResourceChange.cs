namespace OutpostServerless.Provisioning.Steps;

/// <summary>One resource of the provisioning and what applying the request does to it.</summary>
/// <param name="Resource">The kind, e.g. <c>vpc</c>, <c>security-group</c>, <c>container-instances</c>, <c>service</c>.</param>
/// <param name="Id">The resource's id, name or ARN when it exists; null when it is still to be created.</param>
/// <param name="Fields">The request fields behind an update or replace (e.g. <c>network.ingress</c>); empty otherwise.</param>
public sealed record ResourceChange(string Resource, string? Id, ChangeAction Action, IReadOnlyList<string> Fields);
