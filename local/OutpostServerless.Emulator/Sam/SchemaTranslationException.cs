namespace OutpostServerless.Emulator.Sam;

/// <summary>A JSON Schema keyword, at <see cref="Pointer"/>, that cannot be written in draft-04.</summary>
public sealed class SchemaTranslationException(string pointer, string problem) : Exception($"{pointer}: {problem}")
{
    public string Pointer { get; } = pointer;
}
