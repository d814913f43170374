using OutpostServerless.Emulator.Sam;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Sam;

/// <summary>Parameters and intrinsic functions, evaluated for the local stack as CloudFormation evaluates them.</summary>
public sealed class SamIntrinsicsTests
{
    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Arn:
            Type: String
            Default: arn:aws:outposts:us-west-2:123456789012:outpost/op-0123456789abcdef0
          Size:
            Type: String
            AllowedValues: [small, large]
            Default: small
          NoDefault:
            Type: String
        Resources:
          Step:
            Type: AWS::Serverless::Function
            Properties:
              Handler: Step
          Machine:
            Type: AWS::Serverless::StateMachine
            Properties:
              Name: !Sub ${AWS::StackName}-machine
              DefinitionUri: m.json
              DefinitionSubstitutions:
                Id: !Select [1, !Split ["/", !Ref Arn]]
                Sized: !Sub "${Size}-${AWS::Region}-${AWS::AccountId}"
                Listed:
                  Fn::Join: [",", [a, !Ref Size]]
                WithVariables: !Sub
                  - "${Prefix}:${Step.Arn}:${!Literal}"
                  - Prefix: !Ref AWS::Partition
          Needs:
            Type: AWS::Serverless::StateMachine
            Properties:
              DefinitionUri: m.json
              DefinitionSubstitutions:
                Missing: !Ref NoDefault
        """;

    [Fact]
    public void Sub_Select_Split_and_Join_resolve_with_parameter_defaults_and_pseudo_parameters()
    {
        using var file = new TemporaryTemplate(Template);

        var substitutions = file.Load(new Dictionary<string, string> { ["NoDefault"] = "x" }).StateMachines["Machine"].Substitutions;

        Assert.Equal("op-0123456789abcdef0", substitutions["Id"]);
        Assert.Equal("small-us-west-2-123456789012", substitutions["Sized"]);
        Assert.Equal("a,small", substitutions["Listed"]);
        Assert.Equal("aws:arn:aws:lambda:us-west-2:123456789012:function:Step:${Literal}", substitutions["WithVariables"]);
    }

    [Fact]
    public void A_parameter_override_replaces_the_default()
    {
        using var file = new TemporaryTemplate(Template);

        var template = file.Load(new Dictionary<string, string> { ["Size"] = "large", ["NoDefault"] = "given" });

        Assert.Equal("large-us-west-2-123456789012", template.StateMachines["Machine"].Substitutions["Sized"]);
        Assert.Equal("given", template.StateMachines["Needs"].Substitutions["Missing"]);
    }

    [Fact]
    public void A_parameter_with_no_default_and_no_override_is_named_where_it_is_needed()
    {
        using var file = new TemporaryTemplate(Template);

        var problem = Assert.Throws<SamTemplateException>(() => file.Load());

        Assert.Contains("parameter NoDefault has no Default", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_outside_the_allowed_values_is_refused()
    {
        using var file = new TemporaryTemplate(Template);

        var problem = Assert.Throws<SamTemplateException>(() => file.Load(new Dictionary<string, string> { ["Size"] = "huge", ["NoDefault"] = "x" }));

        Assert.Contains("'huge' is not one of small, large", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_of_a_parameter_the_template_lacks_is_refused()
    {
        using var file = new TemporaryTemplate(Template);

        var problem = Assert.Throws<SamTemplateException>(() => file.Load(new Dictionary<string, string> { ["Typo"] = "x", ["NoDefault"] = "x" }));

        Assert.Contains("Typo", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_machine_Name_names_its_ARN_and_its_executions()
    {
        using var file = new TemporaryTemplate(Template);

        var machine = file.Load(new Dictionary<string, string> { ["NoDefault"] = "x" }).StateMachines["Machine"];

        Assert.Equal("arn:aws:states:us-west-2:123456789012:stateMachine:outpost-serverless-machine", machine.Arn);
        Assert.Equal("arn:aws:states:us-west-2:123456789012:execution:outpost-serverless-machine:run-1", machine.ExecutionArn("run-1"));
    }

    [Theory]
    [InlineData(new[] { "A=1", "B=two words" }, "A", "1")]
    [InlineData(new[] { "A=1", "B=two words" }, "B", "two words")]
    [InlineData(new[] { "ParameterKey=A,ParameterValue=x=y" }, "A", "x=y")]
    [InlineData(new[] { "A=\"quoted\"" }, "A", "quoted")]
    public void Parameter_overrides_are_read_as_sam_takes_them(string[] items, string key, string value)
    {
        Assert.Equal(value, ParameterOverrides.Parse(items)[key]);
    }

    [Fact]
    public void A_parameter_override_without_a_value_is_refused()
    {
        Assert.Throws<SamTemplateException>(() => ParameterOverrides.Parse(["JustAKey"]));
    }
}
