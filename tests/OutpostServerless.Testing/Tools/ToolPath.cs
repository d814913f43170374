namespace OutpostServerless.Testing.Tools;

/// <summary>Where an external tool is: on the PATH, as a shell would find it.</summary>
public static class ToolPath
{
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    /// <summary>The tool's path, or the test stops (<see cref="MissingTool.Stop"/>) saying how to install it.</summary>
    public static string Require(string name, string install)
    {
        var path = Find(name);
        if (path is null)
        {
            MissingTool.Stop($"{name} is not on PATH ({install}).");
        }

        return path;
    }
}
