namespace OutpostServerless.StateMachine;

/// <summary>How to start one execution.</summary>
public sealed record ExecutionOptions
{
    /// <summary>The execution's name (<c>$$.Execution.Name</c>); null draws a UUID from <see cref="Jitter"/>, as StartExecution does.</summary>
    public string? ExecutionName { get; init; }

    /// <summary>The state machine's ARN; its Region and account also form the execution ARN.</summary>
    public string StateMachineArn { get; init; } = "arn:aws:states:us-east-1:123456789012:stateMachine:OutpostServerless";

    /// <summary>The execution role (<c>$$.Execution.RoleArn</c>).</summary>
    public string RoleArn { get; init; } = "arn:aws:iam::123456789012:role/OutpostServerlessStateMachineRole";

    /// <summary>
    /// The execution's random source: retry jitter (JitterStrategy FULL), States.UUID, unseeded
    /// States.MathRandom, Lambda request ids and the default execution name. Seed it for repeatable runs;
    /// null uses an unseeded one.
    /// </summary>
    public Random? Jitter { get; init; }

    /// <summary>Called with each history event as it is written (in id order), e.g. to print progress.</summary>
    public Action<HistoryEvent>? Observer { get; init; }
}
