namespace OutpostServerless.StateMachine;

/// <summary>A JSONata syntax or evaluation error, with JSONata's error code (e.g. <c>T2001</c>) and the position in the expression.</summary>
public sealed class JsonataException : Exception
{
    public JsonataException(string code, string message, int position = -1)
        : base($"{code}: {message}")
    {
        Code = code;
        Detail = message;
        Position = position;
    }

    public JsonataException()
        : this("D0000", "JSONata error")
    {
    }

    public JsonataException(string message)
        : this("D0000", message)
    {
    }

    public JsonataException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "D0000";
        Detail = message;
        Position = -1;
    }

    public string Code { get; }

    /// <summary>The message without the code.</summary>
    public string Detail { get; }

    public int Position { get; }
}
