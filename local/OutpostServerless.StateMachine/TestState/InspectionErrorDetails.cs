namespace OutpostServerless.StateMachine;

/// <summary>
/// Which Retrier or Catcher took the error (botocore InspectionErrorDetails). A Retrier with no attempt left
/// still names itself, without a backoff, as AWS answers.
/// </summary>
public sealed record InspectionErrorDetails(int? CatchIndex, int? RetryIndex, int? RetryBackoffIntervalSeconds);
