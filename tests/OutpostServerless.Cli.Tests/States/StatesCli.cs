using System.CommandLine;
using OutpostServerless.Cli.States;

namespace OutpostServerless.Cli.Tests.States;

/// <summary>Runs the <c>states</c> command group as the shell would, capturing what a user sees.</summary>
internal static class StatesCli
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand("test") { StatesCommand.Create(output, error) };
        var exitCode = await root.Parse(["states", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A file in a fresh temporary folder, deleted with the returned handle.</summary>
    public static TempFile Write(string name, string content) => new(name, content);

    internal sealed class TempFile : IDisposable
    {
        private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "states-cli-" + Guid.NewGuid().ToString("N"));

        public TempFile(string name, string content)
        {
            Directory.CreateDirectory(_folder);
            Path = System.IO.Path.Combine(_folder, name);
            File.WriteAllText(Path, content);
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}
