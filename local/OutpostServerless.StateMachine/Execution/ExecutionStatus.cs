namespace OutpostServerless.StateMachine;

/// <summary>The final ExecutionStatus values of DescribeExecution.</summary>
public static class ExecutionStatus
{
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string TimedOut = "TIMED_OUT";
    public const string Aborted = "ABORTED";
}
