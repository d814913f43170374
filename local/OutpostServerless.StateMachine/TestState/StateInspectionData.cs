namespace OutpostServerless.StateMachine;

/// <summary>
/// TestState's <c>inspectionData</c> (botocore InspectionData): the value after each stage of the data flow
/// the state reached, as JSON text. A stage the state does not have, or did not reach, is null (absent).
/// JSONPath states show AfterInputPath, AfterParameters, AfterResultSelector and AfterResultPath; JSONata
/// states AfterArguments. The HTTP request and response (TRACE, HTTP Task) and the Map fields are never
/// filled: this engine runs no HTTP Task, and a Map state is only mocked under TestState.
/// </summary>
public sealed record StateInspectionData
{
    public required string Input { get; init; }

    public string? AfterInputPath { get; init; }

    public string? AfterParameters { get; init; }

    public string? AfterArguments { get; init; }

    public string? Result { get; init; }

    public string? AfterResultSelector { get; init; }

    public string? AfterResultPath { get; init; }

    /// <summary>The workflow variables after the state: those given, then what it assigned; absent when there are none.</summary>
    public string? Variables { get; init; }

    public InspectionErrorDetails? ErrorDetails { get; init; }
}
