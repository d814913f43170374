namespace OutpostServerless.Local.WebConsole;

/// <summary>One request to the console, whichever server received it (<c>serve</c>'s or <c>emulator serve</c>'s): path and query decoded.</summary>
public sealed record ConsoleRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string Body)
{
    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
