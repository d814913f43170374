using YamlDotNet.RepresentationModel;

namespace OutpostServerless.Cli.Tests.Template;

/// <summary>What a team operates the stack with: logs with a retention, quiet state machine logs, alarms and failure notifications on one topic.</summary>
public sealed class OperationsTests
{
    private static string? Default(string parameter) => TemplateYaml.Scalar(TemplateYaml.Root, "Parameters", parameter, "Default");

    private static string? RefOf(YamlNode? node) => (node as YamlScalarNode) is { Tag.Value: "!Ref" } reference ? reference.Value : null;

    [Theory]
    [InlineData("ProvisionStateMachine")]
    [InlineData("TeardownStateMachine")]
    public void A_state_machine_logs_errors_only_and_no_execution_data_unless_the_stack_says_so(string machine)
    {
        var logging = TemplateYaml.At(TemplateYaml.Resources.Children[new YamlScalarNode(machine)], "Properties", "Logging")!;

        Assert.Equal("StateMachineLogLevel", RefOf(TemplateYaml.At(logging, "Level")));
        Assert.Equal("StateMachineLogExecutionData", RefOf(TemplateYaml.At(logging, "IncludeExecutionData")));
        Assert.Equal(("ERROR", "false"), (Default("StateMachineLogLevel"), Default("StateMachineLogExecutionData")));
    }

    [Fact]
    public void Every_log_group_keeps_logs_for_the_stack_s_retention()
    {
        var groups = TemplateYaml.OfType("AWS::Logs::LogGroup").ToList();

        Assert.True(groups.Count >= 3);
        Assert.All(groups, g => Assert.Equal("LogRetentionDays", RefOf(TemplateYaml.At(g.Resource, "Properties", "RetentionInDays"))));
    }

    [Fact]
    public void Every_function_logs_JSON_at_the_stack_s_level_to_the_functions_log_group()
    {
        var logging = TemplateYaml.At(TemplateYaml.Root, "Globals", "Function", "LoggingConfig")!;

        Assert.Equal("JSON", TemplateYaml.Scalar(logging, "LogFormat"));
        Assert.Equal("FunctionLogLevel", RefOf(TemplateYaml.At(logging, "ApplicationLogLevel")));
        Assert.Equal("FunctionsLogGroup", RefOf(TemplateYaml.At(logging, "LogGroup")));
    }

    [Fact]
    public void Every_alarm_but_the_capacity_signal_notifies_the_operations_topic()
    {
        var alarms = TemplateYaml.OfType("AWS::CloudWatch::Alarm").Where(a => a.LogicalId != "CapacityAlarm").ToList();

        Assert.True(alarms.Count >= 5);
        Assert.All(alarms, a => Assert.Equal(
            ["OperationsTopic"],
            ((YamlSequenceNode)TemplateYaml.At(a.Resource, "Properties", "AlarmActions")!).Children.Select(RefOf)));
    }

    [Fact]
    public void Failed_timed_out_and_aborted_executions_of_both_state_machines_are_published_to_the_topic()
    {
        var rule = TemplateYaml.Resources.Children[new YamlScalarNode("ExecutionFailedRule")];
        var pattern = TemplateYaml.At(rule, "Properties", "EventPattern")!;

        Assert.Equal(["Step Functions Execution Status Change"], ((YamlSequenceNode)TemplateYaml.At(pattern, "detail-type")!).Children.Select(c => ((YamlScalarNode)c).Value));
        Assert.Equal(["FAILED", "TIMED_OUT", "ABORTED"], ((YamlSequenceNode)TemplateYaml.At(pattern, "detail", "status")!).Children.Select(c => ((YamlScalarNode)c).Value));
        Assert.Equal(["ProvisionStateMachine", "TeardownStateMachine"], ((YamlSequenceNode)TemplateYaml.At(pattern, "detail", "stateMachineArn")!).Children.Select(RefOf));
        Assert.Equal("OperationsTopic", RefOf(TemplateYaml.At(((YamlSequenceNode)TemplateYaml.At(rule, "Properties", "Targets")!).Children[0], "Arn")));
    }

    [Fact]
    public void The_API_stage_throttles_every_method()
    {
        var settings = ((YamlSequenceNode)TemplateYaml.At(TemplateYaml.Resources.Children[new YamlScalarNode("ProvisioningApi")], "Properties", "MethodSettings")!).Children.Single();

        Assert.Equal(("/*", "*"), (TemplateYaml.Scalar(settings, "ResourcePath"), TemplateYaml.Scalar(settings, "HttpMethod")));
        Assert.Equal(("ApiThrottlingRateLimit", "ApiThrottlingBurstLimit"), (RefOf(TemplateYaml.At(settings, "ThrottlingRateLimit")), RefOf(TemplateYaml.At(settings, "ThrottlingBurstLimit"))));
    }
}
