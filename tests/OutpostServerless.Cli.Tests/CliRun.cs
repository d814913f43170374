namespace OutpostServerless.Cli.Tests;

/// <summary>The command line as a user runs it, with what it prints captured.</summary>
internal static class CliRun
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.InvokeAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>As <see cref="RunAsync"/>, against the repository's template.yaml.</summary>
    public static Task<(int ExitCode, string Output, string Error)> WithTemplateAsync(params string[] args) =>
        RunAsync([.. args, "--template", RepositoryFiles.Template]);
}
