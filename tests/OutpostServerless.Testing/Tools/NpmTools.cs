namespace OutpostServerless.Testing.Tools;

/// <summary>
/// The npm tools the tests use, pinned in <c>tests/tools/package.json</c> and installed by <c>test.sh</c> (the
/// README's test command, which <c>.ci/run</c> calls) into a cache directory outside the repository. A test only
/// looks for them; it never installs anything.
/// </summary>
public static class NpmTools
{
    /// <summary>The variable test.sh and the tests agree on; unset, both use the user's cache directory.</summary>
    public const string DirectoryVariable = "OUTPOST_SERVERLESS_NPM_TOOLS";

    public static string Directory =>
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(
                Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache
                    ? cache
                    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
                "outpost-serverless",
                "npm-tools");

    /// <summary>The installed tool's executable, or the test stops (<see cref="MissingTool.Stop"/>) saying how to install it.</summary>
    public static string Require(string name)
    {
        var binary = Path.Combine(Directory, "node_modules", ".bin", name);
        if (!File.Exists(binary))
        {
            MissingTool.Stop($"{name} is not installed in {Directory} (./test.sh installs the npm tools pinned in tests/tools/package.json).");
        }

        return binary;
    }

    /// <summary>The installed packages' <c>node_modules</c> (for <c>NODE_PATH</c>), or the test stops when <paramref name="package"/> is not there.</summary>
    public static string RequireModules(string package)
    {
        var modules = Path.Combine(Directory, "node_modules");
        if (!System.IO.Directory.Exists(Path.Combine(modules, package)))
        {
            MissingTool.Stop($"the npm package {package} is not installed in {Directory} (./test.sh installs the npm tools pinned in tests/tools/package.json).");
        }

        return modules;
    }
}
