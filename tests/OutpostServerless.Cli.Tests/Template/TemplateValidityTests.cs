using OutpostServerless.Testing.Processes;
using OutpostServerless.Testing.Tools;

namespace OutpostServerless.Cli.Tests.Template;

/// <summary>template.yaml is deployable as written: cfn-lint (which applies the SAM transform) finds no error, and it is valid against the SAM schema.</summary>
public sealed class TemplateValidityTests
{
    [Fact]
    public async Task Cfn_lint_finds_no_error_in_the_template()
    {
        var cfnLint = ToolPath.Require("cfn-lint", "pip install cfn-lint==1.51.0");

        // cfn-lint exits 0 when clean, with bit 2 set for errors; warnings (4) and informational (8) are not errors.
        var result = await ToolProcess.RunAsync(cfnLint, ["template.yaml"], TestContext.Current.CancellationToken, RepositoryFiles.Root);

        Assert.True((result.ExitCode & 2) == 0 && result.ExitCode is not 1, result.Printed);
    }

    [Fact]
    public async Task The_template_is_valid_against_the_SAM_schema()
    {
        var schema = Path.GetFullPath(Path.Combine(RepositoryFiles.Root, "..", "shared", "schemas", "sam.schema.json"));
        if (!File.Exists(schema))
        {
            MissingTool.Stop($"The SAM schema is not at {schema} (shared/ beside the repository holds it).");
        }

        var python = await PythonModules.RequireAsync(["jsonschema", "yaml"], "pip install jsonschema PyYAML", TestContext.Current.CancellationToken);
        var script = Path.Combine(RepositoryFiles.Root, "tests", "OutpostServerless.Cli.Tests", "Template", "sam_schema_check.py");
        var result = await ToolProcess.RunAsync(python, [script, "template.yaml", schema], TestContext.Current.CancellationToken, RepositoryFiles.Root);

        Assert.True(result.ExitCode == 0, result.Printed);
    }
}
