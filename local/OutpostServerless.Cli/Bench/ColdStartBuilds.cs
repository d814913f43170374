namespace OutpostServerless.Cli.Bench;

/// <summary>
/// The two bootstraps the benchmark compares, published from the Functions project: Native AOT
/// (<c>dotnet publish -r linux-x64 -c Release</c>, as deployed) and the same code framework-dependent
/// (JIT, <c>-p:PublishAot=false</c>).
/// </summary>
public static class ColdStartBuilds
{
    public const string ProjectPath = "functions/OutpostServerless.Functions/OutpostServerless.Functions.csproj";

    /// <summary>Publishes one variant into <paramref name="outputDirectory"/> and returns its <c>bootstrap</c> executable.</summary>
    public static async Task<string> PublishAsync(string repositoryRoot, bool aot, string outputDirectory, CancellationToken cancellationToken)
    {
        var project = Path.Combine(repositoryRoot, ProjectPath);
        string[] arguments = aot
            ? ["publish", project, "-c", "Release", "-r", RuntimeIdentifier(), "-o", outputDirectory]
            : ["publish", project, "-c", "Release", "-p:PublishAot=false", "-o", outputDirectory];
        var published = await ProcessRunner.Instance.RunAsync("dotnet", arguments, workingDirectory: null, new Dictionary<string, string?>(), cancellationToken);
        if (published.ExitCode != 0)
        {
            throw new ColdStartBuildException(aot ? "Native AOT" : "JIT", published.ExitCode, published.Output + published.Error);
        }

        return Path.Combine(outputDirectory, "bootstrap");
    }

    /// <summary>The directory above the working directory that holds the Functions project.</summary>
    public static string? FindRepositoryRoot(string from)
    {
        for (var directory = new DirectoryInfo(from); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, ProjectPath)))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static string RuntimeIdentifier() =>
        System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "linux-arm64" : "linux-x64";
}
