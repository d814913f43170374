namespace OutpostServerless.Emulator.EventBridge;

/// <summary>
/// An event pattern EventBridge would refuse (<c>InvalidEventPatternException</c>): <see cref="Path"/> is
/// the field in the pattern, e.g. <c>detail.state</c>, and the message says what is wrong there.
/// </summary>
public sealed class EventPatternException(string path, string reason)
    : Exception($"Event pattern is not valid at {(path.Length == 0 ? "the top level" : path)}: {reason}")
{
    public string Path { get; } = path;

    public string Reason { get; } = reason;
}
