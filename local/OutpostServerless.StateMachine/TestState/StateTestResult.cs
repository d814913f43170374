namespace OutpostServerless.StateMachine;

/// <summary>
/// TestState's answer (botocore TestStateOutput). JSON values are JSON text, as on the wire: null means the
/// field is absent, <c>"null"</c> a JSON null.
/// </summary>
/// <param name="Output">The state's output; absent when it failed or a Retrier would retry it.</param>
/// <param name="NextState">The state it moves to (a Choice's chosen branch, a Catcher's Next); absent when it ends its scope or fails.</param>
/// <param name="Inspection">The data flow, at DEBUG and TRACE only.</param>
public sealed record StateTestResult(
    StateTestStatus Status,
    string? Output,
    string? Error,
    string? Cause,
    string? NextState,
    StateInspectionData? Inspection);
