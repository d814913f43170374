using OutpostServerless.Emulator.Sam;
using OutpostServerless.Testing;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Sam;

public sealed class SamTemplateTests
{
    private static readonly SamEnvironment Environment = new("us-west-2", "123456789012");

    [Fact]
    public void Every_function_reference_in_the_definition_resolves_to_a_function_of_the_template()
    {
        var template = SamTemplate.Load(RepositoryFiles.Template, Environment);

        var definition = template.DefinitionOf("ProvisionStateMachine");

        Assert.DoesNotContain("${", definition);
        Assert.Contains("arn:aws:lambda:us-west-2:123456789012:function:CheckCapacityFunction", definition);
        Assert.Equal("CheckCapacity", template.Functions["CheckCapacityFunction"].Handler);
    }

    [Fact]
    public void A_substitution_the_definition_uses_but_the_template_lacks_is_named()
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "machine.asl.json"), """{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"${MissingArn}","End":true}}}""");
            File.WriteAllText(Path.Combine(directory.FullName, "template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Machine:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: machine.asl.json
                """);
            var template = SamTemplate.Load(Path.Combine(directory.FullName, "template.yaml"), Environment);

            var problem = Assert.Throws<SamTemplateException>(() => template.DefinitionOf("Machine"));

            Assert.Contains("${MissingArn}", problem.Message);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void GetAtt_in_long_and_short_form_and_Ref_resolve_as_SAM_resolves_them()
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "m.json"), """{"Comment":"${Short} ${Long} ${Name} ${Plain}"}""");
            File.WriteAllText(Path.Combine(directory.FullName, "template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Handler: FromGlobals
                Resources:
                  StepFunction:
                    Type: AWS::Serverless::Function
                  Machine:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: m.json
                      DefinitionSubstitutions:
                        Short: !GetAtt StepFunction.Arn
                        Long:
                          Fn::GetAtt: [StepFunction, Arn]
                        Name: !Ref StepFunction
                        Plain: just-text
                """);
            var template = SamTemplate.Load(Path.Combine(directory.FullName, "template.yaml"), Environment);

            var definition = template.DefinitionOf("Machine");

            const string arn = "arn:aws:lambda:us-west-2:123456789012:function:StepFunction";
            Assert.Equal($$"""{"Comment":"{{arn}} {{arn}} StepFunction just-text"}""", definition);
            Assert.Equal("FromGlobals", template.Functions["StepFunction"].Handler);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_functions_Timeout_and_MemorySize_come_from_itself_then_Globals_then_Lambdas_defaults()
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Timeout: 60
                Resources:
                  OwnFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: Own
                      Timeout: 15
                      MemorySize: 1024
                  GlobalFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: Global
                """);

            var template = SamTemplate.Load(Path.Combine(directory.FullName, "template.yaml"), Environment);

            Assert.Equal((15, 1024), (template.Functions["OwnFunction"].TimeoutSeconds, template.Functions["OwnFunction"].MemorySize));
            Assert.Equal((60, 128), (template.Functions["GlobalFunction"].TimeoutSeconds, template.Functions["GlobalFunction"].MemorySize));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_templates_functions_get_the_Globals_limits()
    {
        var template = SamTemplate.Load(RepositoryFiles.Template, Environment);

        Assert.All(template.Functions.Values, function => Assert.Equal((60, 512), (function.TimeoutSeconds, function.MemorySize)));
    }
}
