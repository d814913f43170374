namespace OutpostServerless.Testing;

/// <summary>The checked-in files the tests run: the template, the definition, the examples.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Template => Path.Combine(Root, "template.yaml");

    public static string Example(string name) => Path.Combine(Root, "statemachine", "examples", name);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OutpostServerless.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (OutpostServerless.sln) is not above the test binaries.");
    }
}
