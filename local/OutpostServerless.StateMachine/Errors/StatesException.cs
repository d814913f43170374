namespace OutpostServerless.StateMachine.Errors;

/// <summary>
/// A runtime error raised while a state runs, named as the States Language names it. It travels to the
/// state's Retry/Catch handling; terminal ones (States.Runtime) go straight to the execution.
/// </summary>
internal sealed class StatesException : Exception
{
    public StatesException(string error, string? cause)
        : base(cause is null ? error : $"{error}: {cause}")
    {
        Error = error;
        Cause = cause;
    }

    public string Error { get; }

    public string? Cause { get; }

    /// <summary>A timeout raised because no heartbeat came in time; matches States.HeartbeatTimeout too.</summary>
    public bool IsHeartbeat { get; init; }

    public bool IsTerminal => StatesErrorNames.IsTerminal(Error);

    /// <summary>True once the cause names the state it happened in.</summary>
    public bool IsAttributed { get; private init; }

    /// <summary>
    /// A terminal error's cause, prefixed as AWS prefixes it: "An error occurred while executing the state
    /// 'X' (entered at the event id #8). ..." Other errors are returned unchanged.
    /// </summary>
    public StatesException AttributedTo(string state, long enteredEventId) =>
        IsTerminal && !IsAttributed
            ? new StatesException(Error, $"An error occurred while executing the state '{state}' (entered at the event id #{enteredEventId}). {Cause}")
            {
                IsAttributed = true,
                IsHeartbeat = IsHeartbeat,
            }
            : this;

    /// <summary>
    /// The cause prefixed now, whatever the error: a JSONata failure (States.QueryEvaluationError) is
    /// catchable, and its Error Output carries the prefixed cause as AWS writes it.
    /// </summary>
    public StatesException PrefixedFor(string state, long enteredEventId) =>
        new(Error, $"An error occurred while executing the state '{state}' (entered at the event id #{enteredEventId}). {Cause}")
        {
            IsAttributed = true,
            IsHeartbeat = IsHeartbeat,
        };

    public static StatesException Runtime(string cause) => new(StatesErrorNames.Runtime, cause);
}
