namespace OutpostServerless.StateMachine.Paths;

/// <summary>A path string that is not valid JSONPath; the message says where.</summary>
internal sealed class JsonPathSyntaxException : Exception
{
    public JsonPathSyntaxException(string path, string problem)
        : base($"'{path}' is not a valid JSONPath: {problem}")
    {
        Path = path;
    }

    public string Path { get; }
}
