namespace OutpostServerless.StateMachine;

/// <summary>A MockConfigFile that cannot be used; <see cref="Location"/> says where in the file (e.g. <c>MockedResponses.LambdaRetry["1-2"]</c>).</summary>
public sealed class MockConfigException : Exception
{
    public MockConfigException(string location, string problem)
        : base(location.Length == 0 ? problem : $"{location}: {problem}")
    {
        Location = location;
    }

    public MockConfigException()
        : this(string.Empty, "Invalid mock configuration")
    {
    }

    public MockConfigException(string message)
        : this(string.Empty, message)
    {
    }

    public MockConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Location = string.Empty;
    }

    public string Location { get; }
}
