namespace OutpostServerless.Local.StateFiles;

/// <summary>A <c>--state-file</c> a command cannot use: refused before anything runs.</summary>
public class StateFileException(string path, string problem)
    : IOException($"--state-file {path}: {problem}.")
{
    public string StateFilePath { get; } = path;
}
