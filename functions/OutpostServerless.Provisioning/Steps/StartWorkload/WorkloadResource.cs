namespace OutpostServerless.Provisioning.Steps;

/// <summary><c>$.resources.workload</c>: the service (service mode) or the tasks (task mode) started.</summary>
/// <param name="Mode"><c>service</c> or <c>task</c>, as in the plan.</param>
/// <param name="ServiceArn">Set in service mode.</param>
/// <param name="TaskArns">Task mode: the tasks started; service mode: the service's tasks so far (may be none yet).</param>
public sealed record WorkloadResource(string Mode, string? ServiceArn, IReadOnlyList<string> TaskArns);
