namespace OutpostServerless.StateMachine;

/// <summary>
/// How much TestState shows (botocore <c>stepfunctions</c> 2016-11-23, InspectionLevel): INFO the outcome,
/// DEBUG the data flow too, TRACE also the HTTP request and response of an HTTP Task. This engine runs no
/// HTTP Task (<c>arn:aws:states:::http:invoke</c>), so TRACE shows what DEBUG shows.
/// </summary>
public enum InspectionLevel
{
    Info,
    Debug,
    Trace,
}
