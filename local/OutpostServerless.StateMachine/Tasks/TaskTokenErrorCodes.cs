namespace OutpostServerless.StateMachine;

/// <summary>The error codes of SendTaskSuccess/SendTaskFailure/SendTaskHeartbeat (Step Functions API reference).</summary>
public static class TaskTokenErrorCodes
{
    /// <summary>The string is not a task token.</summary>
    public const string InvalidToken = "InvalidToken";

    /// <summary>A well-formed token this engine never issued.</summary>
    public const string TaskDoesNotExist = "TaskDoesNotExist";

    /// <summary>The task the token belongs to has already been closed (completed, timed out, or its execution ended).</summary>
    public const string TaskTimedOut = "TaskTimedOut";

    /// <summary>SendTaskSuccess output that is not valid JSON.</summary>
    public const string InvalidOutput = "InvalidOutput";
}
