namespace OutpostServerless.StateMachine;

/// <summary>
/// A SendTaskSuccess, SendTaskFailure or SendTaskHeartbeat the engine refuses, with the error code the
/// Step Functions API returns for it (<see cref="TaskTokenErrorCodes"/>).
/// </summary>
public sealed class TaskTokenException : Exception
{
    public TaskTokenException(string errorCode, string taskToken, string message)
        : base(message)
    {
        ErrorCode = errorCode;
        TaskToken = taskToken;
    }

    public TaskTokenException()
        : this(TaskTokenErrorCodes.InvalidToken, string.Empty, "Invalid token")
    {
    }

    public TaskTokenException(string message)
        : this(TaskTokenErrorCodes.InvalidToken, string.Empty, message)
    {
    }

    public TaskTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = TaskTokenErrorCodes.InvalidToken;
        TaskToken = string.Empty;
    }

    /// <summary>One of <see cref="TaskTokenErrorCodes"/>.</summary>
    public string ErrorCode { get; }

    public string TaskToken { get; }
}
