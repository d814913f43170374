using Xunit.Abstractions;

namespace OutpostServerless.Cli.Tests.Template;

/// <summary>template.yaml is deployable as written: cfn-lint (which applies the SAM transform) finds no error, and it is valid against the SAM schema.</summary>
public sealed class TemplateValidityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Cfn_lint_finds_no_error_in_the_template()
    {
        if (ExternalTool.Find("cfn-lint") is not { } cfnLint)
        {
            Assert.False(ExternalTool.InCi, "cfn-lint is not on PATH (CI must have it)");
            output.WriteLine("Skipped: cfn-lint is not on PATH (pip install cfn-lint==1.51.0).");
            return;
        }

        // cfn-lint exits 0 when clean, with bit 2 set for errors; warnings (4) and informational (8) are not errors.
        var (exitCode, text) = await ExternalTool.RunAsync(cfnLint, RepositoryFiles.Root, "template.yaml");

        Assert.True((exitCode & 2) == 0 && exitCode is not 1, text);
    }

    [Fact]
    public async Task The_template_is_valid_against_the_SAM_schema()
    {
        var schema = Path.GetFullPath(Path.Combine(RepositoryFiles.Root, "..", "shared", "schemas", "sam.schema.json"));
        var python = ExternalTool.Find("python3");
        if (python is null || !File.Exists(schema))
        {
            Assert.False(ExternalTool.InCi, $"python3 ({python ?? "missing"}) and {schema} are needed in CI");
            output.WriteLine($"Skipped: needs python3 with jsonschema and PyYAML, and {schema}.");
            return;
        }

        var script = Path.Combine(RepositoryFiles.Root, "tests", "OutpostServerless.Cli.Tests", "Template", "sam_schema_check.py");
        var (exitCode, text) = await ExternalTool.RunAsync(python, RepositoryFiles.Root, script, "template.yaml", schema);

        Assert.True(exitCode == 0, text);
    }
}
