namespace OutpostServerless.StateMachine;

/// <summary>How the tested state ended (botocore TestExecutionStatus): SUCCEEDED, FAILED, RETRIABLE, CAUGHT_ERROR.</summary>
public enum StateTestStatus
{
    /// <summary>It moved on (nextState) or ended its scope.</summary>
    Succeeded,

    /// <summary>It failed, with no Retrier left and no Catcher for the error.</summary>
    Failed,

    /// <summary>It failed and a Retrier would retry it (after the backoff in the inspection data).</summary>
    Retriable,

    /// <summary>It failed and a Catcher took the error (nextState is the Catcher's Next).</summary>
    CaughtError,
}
