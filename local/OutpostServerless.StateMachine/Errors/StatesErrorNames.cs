namespace OutpostServerless.StateMachine;

/// <summary>The predefined error names of the Amazon States Language (spec Appendix A) plus the two AWS adds.</summary>
public static class StatesErrorNames
{
    public const string All = "States.ALL";
    public const string HeartbeatTimeout = "States.HeartbeatTimeout";
    public const string Timeout = "States.Timeout";
    public const string TaskFailed = "States.TaskFailed";
    public const string Permissions = "States.Permissions";
    public const string ResultPathMatchFailure = "States.ResultPathMatchFailure";
    public const string ParameterPathFailure = "States.ParameterPathFailure";
    public const string BranchFailed = "States.BranchFailed";
    public const string NoChoiceMatched = "States.NoChoiceMatched";
    public const string IntrinsicFailure = "States.IntrinsicFailure";
    public const string ExceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold";
    public const string ItemReaderFailed = "States.ItemReaderFailed";
    public const string ResultWriterFailed = "States.ResultWriterFailed";
    public const string QueryEvaluationError = "States.QueryEvaluationError";

    /// <summary>Terminal: not retried, not caught, not even by States.ALL (AWS error-handling docs).</summary>
    public const string Runtime = "States.Runtime";

    /// <summary>Terminal, like <see cref="Runtime"/>.</summary>
    public const string DataLimitExceeded = "States.DataLimitExceeded";

    /// <summary>The names a Retrier or Catcher may use with the reserved <c>States.</c> prefix (spec Appendix A, AWS error-handling docs).</summary>
    public static bool IsPredefined(string error) => error is All or HeartbeatTimeout or Timeout or TaskFailed or Permissions
        or ResultPathMatchFailure or ParameterPathFailure or BranchFailed or NoChoiceMatched or IntrinsicFailure
        or ExceedToleratedFailureThreshold or ItemReaderFailed or ResultWriterFailed or QueryEvaluationError or Runtime or DataLimitExceeded
        || error.StartsWith("States.Http.", StringComparison.Ordinal);

    /// <summary>True for the errors no Retrier or Catcher can handle.</summary>
    public static bool IsTerminal(string error) => error is Runtime or DataLimitExceeded;
}
