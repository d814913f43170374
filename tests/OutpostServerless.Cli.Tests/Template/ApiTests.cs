using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Sam;
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

    [Theory]
    [InlineData("POST", "/provisionings")]
    [InlineData("GET", "/provisionings/{id}")]
    [InlineData("DELETE", "/provisionings/{id}")]
    public void Every_route_goes_through_the_Lambda_proxy_to_the_provisionings_API_function(string method, string path)
    {
        var route = Template.ApiRoutes.Single(r => r.HttpMethod == method && r.Path == path);

        Assert.Equal(SamApiRoute.LambdaProxy, route.IntegrationType);
        Assert.True(Template.TryFunctionByArn(route.FunctionArn!, out var function));
        Assert.Equal(("ProvisioningsApiFunction", "ProvisioningsApi"), (function.LogicalId, function.Handler));
    }

    [Fact]
    public void Posting_a_provisioning_validates_the_body_against_the_request_model_before_the_function_runs()
    {
        var post = Template.ApiRoutes.Single(r => r.HttpMethod == "POST");

        Assert.True(post.ValidatesBody);
        Assert.Equal("application/json", post.BodyModel!.ContentType);
    }

    [Fact]
    public void The_API_function_starts_exactly_the_template_s_two_state_machines()
    {
        var settings = OutpostServerless.Functions.Handlers.StepSettings.From(Template.Functions["ProvisioningsApiFunction"].Variables.GetValueOrDefault);

        Assert.Equal(
            (Template.StateMachines["ProvisionStateMachine"].Arn, Template.StateMachines["TeardownStateMachine"].Arn),
            (settings.ApplyStateMachineArn, settings.TeardownStateMachineArn));
    }

    [Fact]
    public void Every_route_requires_IAM_auth()
    {
        Assert.NotEmpty(Template.ApiRoutes);
        Assert.All(Template.ApiRoutes, route => Assert.Equal("AWS_IAM", route.AuthorizationType));
    }
}
