using System.Text.Json.Nodes;
using OutpostServerless.Testing.Processes;
using OutpostServerless.Testing.Tools;

namespace OutpostServerless.Cli.Tests.Template;

/// <summary>
/// What CloudFormation deploys: template.yaml after the SAM transform (aws-sam-translator, as on deploy). The API
/// is rendered as OpenAPI with a deployment named after its hash, so a changed method, model or response reaches
/// the stage with the stack instead of waiting for a deployment nobody triggers.
/// </summary>
public sealed class TransformedTemplateTests : IAsyncLifetime
{
    private string directory = "";
    private JsonObject resources = [];

    public async ValueTask InitializeAsync()
    {
        var python = await PythonModules.RequireAsync(["samtranslator", "yaml"], "pyenv's, with aws-sam-translator: pip install cfn-lint==1.51.0", TestContext.Current.CancellationToken);
        var script = Path.Combine(RepositoryFiles.Root, "tests", "OutpostServerless.Cli.Tests", "Template", "sam_transform.py");
        var transformed = await ToolProcess.RunAsync(python, [script, RepositoryFiles.Template], TestContext.Current.CancellationToken);
        Assert.True(transformed.ExitCode == 0, transformed.Printed);
        directory = Directory.CreateTempSubdirectory("transformed-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "template.json"), transformed.Output, TestContext.Current.CancellationToken);
        resources = JsonNode.Parse(transformed.Output)!["Resources"]!.AsObject();
    }

    [Fact]
    public async Task Cfn_lint_finds_no_error_in_the_transformed_template()
    {
        var cfnLint = ToolPath.Require("cfn-lint", "pip install cfn-lint==1.51.0");

        var result = await ToolProcess.RunAsync(cfnLint, [Path.Combine(directory, "template.json")], TestContext.Current.CancellationToken);

        Assert.True((result.ExitCode & 2) == 0 && result.ExitCode is not 1, result.Printed);
    }

    [Fact]
    public void The_API_deployment_is_named_after_the_hash_of_the_API_so_every_change_is_deployed()
    {
        var deployment = Assert.Single(OfType("AWS::ApiGateway::Deployment"));

        Assert.Matches("^ProvisioningApiDeployment[0-9a-f]{10}$", deployment.Key);
        Assert.Equal("ProvisioningApi", deployment.Value!["Properties"]!["RestApiId"]!["Ref"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/provisionings", "post")]
    [InlineData("/provisionings/{id}", "get")]
    [InlineData("/provisionings/{id}", "delete")]
    public void Every_method_requires_IAM_and_invokes_the_live_alias_through_its_resource_policy_not_the_caller_s_credentials(string path, string method)
    {
        var operation = Body()["paths"]![path]![method]!;
        var integration = operation["x-amazon-apigateway-integration"]!;

        Assert.Equal("aws_proxy", integration["type"]!.GetValue<string>());
        Assert.Contains("${ProvisioningsApiFunctionAliaslive}", integration["uri"]!["Fn::Sub"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(integration["credentials"]);
        Assert.NotNull(operation["security"]!.AsArray().Single()!["AWS_IAM"]);
    }

    [Fact]
    public void Posting_validates_the_body_against_the_request_model_and_a_refused_body_is_400_naming_the_fields()
    {
        var body = Body();
        var post = body["paths"]!["/provisionings"]!["post"]!;
        var validator = post["x-amazon-apigateway-request-validator"]!.GetValue<string>();

        Assert.True(body["x-amazon-apigateway-request-validators"]![validator]!["validateRequestBody"]!.GetValue<bool>());
        Assert.Contains(post["parameters"]!.AsArray(), p => p!["in"]!.GetValue<string>() == "body" && p["required"]!.GetValue<bool>());
        var badBody = body["x-amazon-apigateway-gateway-responses"]!["BAD_REQUEST_BODY"]!;
        Assert.Equal("400", badBody["statusCode"]!.GetValue<string>());
        Assert.Contains("$context.error.validationErrorString", badBody["responseTemplates"]!["application/json"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync()
    {
        if (directory.Length > 0)
        {
            Directory.Delete(directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private IEnumerable<KeyValuePair<string, JsonNode?>> OfType(string type) =>
        resources.Where(r => r.Value!["Type"]!.GetValue<string>() == type);

    private JsonNode Body() => OfType("AWS::ApiGateway::RestApi").Single().Value!["Properties"]!["Body"]!;
}
