using OutpostServerless.Emulator.Sam;

namespace OutpostServerless.Cli.Hosting;

/// <summary>Where template.yaml is: the given file, else template.yaml in the current directory or the nearest parent holding one.</summary>
public static class TemplateLocator
{
    public static string Find(FileInfo? given)
    {
        if (given is not null)
        {
            return given.FullName;
        }

        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "template.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new SamTemplateException("template.yaml", "not found in this directory or any parent; pass --template");
    }
}
