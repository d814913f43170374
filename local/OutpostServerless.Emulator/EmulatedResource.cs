namespace OutpostServerless.Emulator;

/// <summary>
/// A live resource of the emulated account: <see cref="Type"/> is vpc, subnet, security-group,
/// instance, role, instance-profile, cluster, task-definition, service or task; <see cref="Id"/>
/// is its id (EC2), name (IAM) or ARN (ECS).
/// </summary>
public sealed record EmulatedResource(string Type, string Id, IReadOnlyDictionary<string, string> Tags);
