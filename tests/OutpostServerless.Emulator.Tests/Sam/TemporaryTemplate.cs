using OutpostServerless.Emulator.Sam;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Sam;

/// <summary>A template.yaml (and files beside it) in a directory of its own, deleted afterwards.</summary>
internal sealed class TemporaryTemplate : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory();

    public TemporaryTemplate(string yaml, params (string Name, string Text)[] files)
    {
        File.WriteAllText(Path, yaml);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(System.IO.Path.Combine(directory.FullName, name), text);
        }
    }

    public string Path => System.IO.Path.Combine(directory.FullName, "template.yaml");

    public SamTemplate Load(IReadOnlyDictionary<string, string>? overrides = null) =>
        SamTemplate.Load(Path, new SamEnvironment("us-west-2", "123456789012"), overrides);

    public void Dispose() => directory.Delete(recursive: true);
}
