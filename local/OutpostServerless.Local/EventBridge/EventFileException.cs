namespace OutpostServerless.Local.EventBridge;

/// <summary>An events file that does not hold events EventBridge would accept.</summary>
public sealed class EventFileException(string file, string problem) : Exception($"{file}: {problem}")
{
    public string File { get; } = file;
}
