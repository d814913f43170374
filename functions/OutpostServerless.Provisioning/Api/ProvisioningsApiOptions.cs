namespace OutpostServerless.Provisioning.Api;

/// <param name="ApplyStateMachineArn">The provision (apply) state machine.</param>
/// <param name="TeardownStateMachineArn">The teardown state machine; null until the stack has one (DELETE then answers 501).</param>
public sealed record ProvisioningsApiOptions(string ApplyStateMachineArn, string? TeardownStateMachineArn);
