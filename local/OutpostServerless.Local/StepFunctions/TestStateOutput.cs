using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.StepFunctions;

/// <summary>TestState's answer on the wire (botocore <c>stepfunctions</c> 2016-11-23, TestStateOutput); absent members are left out.</summary>
internal sealed record TestStateOutput(
    string? Output,
    string? Error,
    string? Cause,
    StateInspectionData? InspectionData,
    string? NextState,
    StateTestStatus Status)
{
    public static TestStateOutput Of(StateTestResult result) =>
        new(result.Output, result.Error, result.Cause, result.Inspection, result.NextState, result.Status);
}
