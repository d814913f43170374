namespace OutpostServerless.Emulator.Sam;

/// <summary>template.yaml (or a file it names) cannot be read the way SAM would read it.</summary>
public sealed class SamTemplateException(string file, string problem) : Exception($"{file}: {problem}")
{
    public string File { get; } = file;
}
