using System.Text.Json.Nodes;
using OutpostServerless.Cli.Sam;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Cli.Tests.Template;

/// <summary>The provisionings API of template.yaml: its routes, IAM auth, and a request model that is the request schema.</summary>
public sealed class ApiTests
{
    private static readonly SamTemplate Template = SamTemplate.Load(RepositoryFiles.Template, new SamEnvironment("us-west-2", "123456789012"));

    [Fact]
    public void The_API_model_is_statemachine_request_schema_translated_to_draft_04()
    {
        var expected = ApiModelSchema.FromJsonSchema(RequestSchema.Shared.Document);

        var model = Template.ApiRoutes.Single(r => r.HttpMethod == "POST").BodyModel!.Schema;

        Assert.True(JsonNode.DeepEquals(expected, model),
            "The ProvisioningRequest model in template.yaml differs from statemachine/request.schema.json translated. " +
            $"Replace its Schema with (JSON is YAML):{Environment.NewLine}{expected.ToJsonString()}");
    }

    [Fact]
    public void Posting_a_provisioning_starts_an_execution_of_the_state_machine_with_the_body_validated()
    {
        var post = Template.ApiRoutes.Single(r => r.HttpMethod == "POST");

        Assert.Equal(("/provisionings", "states", "StartExecution", "ProvisionStateMachine"), (post.Path, post.IntegrationService, post.IntegrationAction, post.StateMachineLogicalId));
        Assert.True(post.ValidatesBody);
        Assert.Equal("application/json", post.BodyModel!.ContentType);
    }

    [Fact]
    public void The_start_mapping_passes_the_body_as_input_and_names_the_execution_after_the_provisioningId()
    {
        var template = Template.ApiRoutes.Single(r => r.HttpMethod == "POST").RequestTemplate!;

        Assert.Contains("$input.path('$.provisioningId')", template, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"$util.escapeJavaScript($provisioningId)\"", template, StringComparison.Ordinal);
        Assert.Contains("\"input\": \"$util.escapeJavaScript($input.json('$'))\"", template, StringComparison.Ordinal);
        Assert.Contains($"\"stateMachineArn\": \"{Template.StateMachines["ProvisionStateMachine"].Arn}\"", template, StringComparison.Ordinal);
    }

    [Fact]
    public void Getting_a_provisioning_describes_the_execution_named_by_its_id()
    {
        var get = Template.ApiRoutes.Single(r => r.HttpMethod == "GET");

        Assert.Equal(("/provisionings/{id}", "DescribeExecution"), (get.Path, get.IntegrationAction));
        Assert.Equal(["id"], get.PathParameters);
        Assert.Contains(Template.StateMachines["ProvisionStateMachine"].ExecutionArn("$util.escapeJavaScript($input.params('id'))"), get.RequestTemplate!, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_route_requires_IAM_auth()
    {
        Assert.NotEmpty(Template.ApiRoutes);
        Assert.All(Template.ApiRoutes, route => Assert.Equal("AWS_IAM", route.AuthorizationType));
    }
}
