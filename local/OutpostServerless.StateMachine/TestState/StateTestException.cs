namespace OutpostServerless.StateMachine;

/// <summary>A TestState request refused before the state runs, with AWS's error code and message.</summary>
public sealed class StateTestException : Exception
{
    public StateTestException(StateTestErrorCode code, string message)
        : base(message)
    {
        Code = code;
    }

    public StateTestException()
    {
    }

    public StateTestException(string message)
        : base(message)
    {
    }

    public StateTestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StateTestErrorCode Code { get; }
}
