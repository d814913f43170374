namespace OutpostServerless.StateMachine.Retry;

/// <summary>How a Retrier randomizes its back-off. AWS accepts FULL and NONE.</summary>
internal enum JitterStrategy
{
    None,

    /// <summary>Wait a uniformly random time between 0 and the computed interval.</summary>
    Full,
}
