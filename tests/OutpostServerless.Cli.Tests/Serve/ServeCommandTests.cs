namespace OutpostServerless.Cli.Tests.Serve;

/// <summary>What <c>serve</c> refuses before it listens.</summary>
public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--parameter-overrides", "NoSuchParameter=1")]
    [InlineData("--parameter-overrides", "Architecture=sparc")]
    public async Task Serve_refuses_bad_options_as_bad_input(string option, string value)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliApp.InvokeAsync(["serve", "--template", RepositoryFiles.Template, option, value], output, error);

        Assert.Equal(2, exitCode);
        Assert.NotEmpty(error.ToString());
    }

    [Fact]
    public async Task Serve_refuses_a_state_file_that_is_not_a_saved_world()
    {
        var stateFile = Path.Combine(Path.GetTempPath(), $"not-a-world-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(stateFile, "[1, 2, 3]");
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            var exitCode = await CliApp.InvokeAsync(["serve", "--template", RepositoryFiles.Template, "--port", "0", "--state-file", stateFile], output, error);

            Assert.Equal(2, exitCode);
            Assert.Contains("is not an emulated world", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(stateFile);
        }
    }
}
