using OutpostServerless.Cli.Sam;
using OutpostServerless.Emulator.EventBridge;

namespace OutpostServerless.Cli.Tests.Sam;

/// <summary>The triggers the reader finds: API Gateway methods and EventBridge rules that start state machines.</summary>
public sealed class SamTriggersTests
{
    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Machine:
            Type: AWS::Serverless::StateMachine
            Properties:
              DefinitionUri: m.json
              Events:
                Sam:
                  Type: EventBridgeRule
                  Properties:
                    RuleName: sam-rule
                    Pattern:
                      source: [custom.app]
                      detail:
                        count: [{numeric: [">", 5]}]
                    InputPath: $.detail
          Raw:
            Type: AWS::Events::Rule
            Properties:
              Name: raw-rule
              State: DISABLED
              EventPattern:
                source: [custom.other]
              Targets:
                - Id: machine
                  Arn: !Ref Machine
                  InputTransformer:
                    InputPathsMap:
                      id: $.detail.id
                    InputTemplate: '{"provisioningId": <id>}'
          Api:
            Type: AWS::ApiGateway::RestApi
          Items:
            Type: AWS::ApiGateway::Resource
            Properties:
              RestApiId: !Ref Api
              ParentId: !GetAtt Api.RootResourceId
              PathPart: items
          Item:
            Type: AWS::ApiGateway::Resource
            Properties:
              RestApiId: !Ref Api
              ParentId: !Ref Items
              PathPart: "{itemId}"
          GetItem:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Api
              ResourceId: !Ref Item
              HttpMethod: get
              Integration:
                Type: AWS_PROXY
                IntegrationHttpMethod: POST
                Uri: !Sub arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:items/invocations
        """;

    [Fact]
    public void A_state_machine_EventBridgeRule_event_is_read_with_its_pattern_and_input_path()
    {
        using var file = new TemporaryTemplate(Template);

        var rule = file.Load().EventRules.Single(r => r.RuleName == "sam-rule");

        Assert.Equal(("Machine", true, "$.detail"), (rule.TargetLogicalId, rule.Enabled, rule.Input.InputPath));
        Assert.Equal(5, rule.Pattern["detail"]!["count"]![0]!["numeric"]![1]!.GetValue<double>());
        Assert.Equal("arn:aws:events:us-west-2:123456789012:rule/sam-rule", rule.RuleArn);
    }

    [Fact]
    public void An_Events_Rule_targeting_a_state_machine_is_read_with_its_state_and_input_transformer()
    {
        using var file = new TemporaryTemplate(Template);

        var rule = file.Load().EventRules.Single(r => r.RuleName == "raw-rule");

        Assert.False(rule.Enabled);
        Assert.Equal("$.detail.id", rule.Input.InputTransformer!.InputPathsMap["id"]);
        Assert.Equal("{\"provisioningId\": <id>}", rule.Input.InputTransformer.InputTemplate);
    }

    [Fact]
    public void An_API_method_is_read_with_its_full_path_and_the_function_its_proxy_integration_invokes()
    {
        using var file = new TemporaryTemplate(Template);

        var route = Assert.Single(file.Load().ApiRoutes);

        Assert.Equal(("GET", "/items/{itemId}", "AWS_PROXY", "arn:aws:lambda:us-west-2:123456789012:function:items"),
            (route.HttpMethod, route.Path, route.IntegrationType, route.FunctionArn));
        Assert.Equal("NONE", route.AuthorizationType);
        Assert.Null(route.BodyModel);
    }

    [Fact]
    public void A_target_with_both_Input_and_InputPath_is_refused_as_EventBridge_refuses_it()
    {
        using var file = new TemporaryTemplate(Template.Replace("InputPath: $.detail", "InputPath: $.detail\n            Input: '{}'", StringComparison.Ordinal));

        var problem = Assert.Throws<SamTemplateException>(() => file.Load());

        Assert.Contains("at most one of Input, InputPath and InputTransformer", problem.Message, StringComparison.Ordinal);
    }
}
