using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Provisioning.Request;
using YamlDotNet.RepresentationModel;

namespace OutpostServerless.Cli.Tests.Template;

/// <summary>What template.yaml, the Makefile and samconfig.toml promise for deployment.</summary>
public sealed partial class TemplateTests
{
    private static readonly SamTemplate Template = SamTemplate.Load(RepositoryFiles.Template, new SamEnvironment("us-west-2", "123456789012"));

    public static TheoryData<string> Functions => [.. Template.Functions.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Functions))]
    public void A_function_runs_on_provided_al2023_built_by_the_makefile_with_its_step_as_handler(string function)
    {
        var resource = TemplateYaml.Resources.Children[new YamlScalarNode(function)];

        Assert.Equal("provided.al2023", TemplateYaml.Scalar(resource, "Properties", "Runtime") ?? TemplateYaml.Scalar(TemplateYaml.Root, "Globals", "Function", "Runtime"));
        Assert.Equal("makefile", TemplateYaml.Scalar(resource, "Metadata", "BuildMethod"));
        Assert.Equal(function, Template.Functions[function].Handler + "Function");
    }

    [Fact]
    public void The_makefile_has_a_build_target_for_every_function_and_publishes_the_bootstrap_once()
    {
        var makefile = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "Makefile"));
        var listed = MakeFunctions().Match(makefile).Groups["names"].Value
            .Split([' ', '\t', '\\', '\n'], StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(Template.Functions.Keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Contains("$(addprefix build-,$(FUNCTIONS)): $(BOOTSTRAP)", makefile, StringComparison.Ordinal);
        Assert.Contains("cp \"$(BOOTSTRAP)\" \"$(ARTIFACTS_DIR)/bootstrap\"", makefile, StringComparison.Ordinal);
        // The bootstrap is published once; `make cli` publishes the CLI, another project.
        Assert.Single(Regex.Matches(makefile, @"^\tdotnet publish ""\$\(PROJECT\)""", RegexOptions.Multiline));
    }

    [Fact]
    public void Samconfig_has_build_and_deploy_settings_for_default_and_prod()
    {
        var sections = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "samconfig.toml"))
            .Where(line => line.StartsWith('['))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(["[default.build.parameters]", "[default.deploy.parameters]", "[prod.build.parameters]", "[prod.deploy.parameters]"]), sections);
    }

    [Theory]
    [InlineData("OutpostArn")]
    [InlineData("DefaultCapacityWaitSeconds")]
    [InlineData("Architecture")]
    [InlineData("CapacityAlarmInstanceType")]
    [InlineData("CapacityAlarmThreshold")]
    [InlineData("CapacityProvisioningRequest")]
    public void The_template_has_the_deployment_parameter(string parameter)
    {
        Assert.NotNull(Template.Parameters[parameter]);
    }

    [Fact]
    public void The_architecture_is_x86_64_or_arm64_for_every_function()
    {
        var allowed = (YamlSequenceNode)TemplateYaml.At(TemplateYaml.Root, "Parameters", "Architecture", "AllowedValues")!;

        Assert.Equal(["x86_64", "arm64"], allowed.Children.Select(c => ((YamlScalarNode)c).Value));
        Assert.Equal("!Ref", TemplateYaml.At(TemplateYaml.Root, "Globals", "Function", "Architectures")!.AllNodes.OfType<YamlScalarNode>().Single().Tag.Value);
    }

    [Fact]
    public void The_state_machine_traces_and_runs_its_definition_file()
    {
        var machine = TemplateYaml.Resources.Children[new YamlScalarNode("ProvisionStateMachine")];

        Assert.Equal("true", TemplateYaml.Scalar(machine, "Properties", "Tracing", "Enabled"));
        Assert.Equal("statemachine/provision.asl.json", Template.StateMachines["ProvisionStateMachine"].DefinitionUri);
    }

    [Theory]
    [InlineData("ProvisionStateMachine")]
    [InlineData("TeardownStateMachine")]
    public void A_state_machine_invokes_the_published_versions_so_an_execution_keeps_its_code_through_a_deploy(string stateMachine)
    {
        var substitutions = (YamlMappingNode)TemplateYaml.At(TemplateYaml.Resources.Children[new YamlScalarNode(stateMachine)], "Properties", "DefinitionSubstitutions")!;

        Assert.All(substitutions.Children, s => Assert.Matches(@"^\w+Function\.Version$", ((YamlScalarNode)s.Value).Value!));
        Assert.All(Template.StateMachines[stateMachine].Substitutions.Values, arn => Assert.Matches(@"^arn:aws:lambda:us-west-2:123456789012:function:\w+Function:1$", arn));
        Assert.Equal("live", TemplateYaml.Scalar(TemplateYaml.Root, "Globals", "Function", "AutoPublishAlias"));
        Assert.All(TemplateYaml.OfType("AWS::Serverless::Function"), f => Assert.Equal("true", TemplateYaml.Scalar(f.Resource, "Properties", "AutoPublishAliasAllProperties")));
    }

    [Fact]
    public void Every_function_of_the_template_is_invoked_by_a_state_machine_by_the_API_or_by_the_capacity_rule_and_by_nothing_else()
    {
        var byStateMachines = TemplateYaml.OfType("AWS::Serverless::StateMachine").SelectMany(m => Invokable(m.Resource)).Distinct().ToList();
        var byApi = Template.ApiRoutes.Select(r => Template.TryFunctionByArn(r.FunctionArn!, out var function) ? function.LogicalId : r.FunctionArn!).Distinct().ToList();
        var byRules = Template.EventRules.Where(r => r.TargetKind == SamRuleTargetKind.Function).Select(r => r.TargetLogicalId).ToList();

        Assert.Equal(["ProvisioningsApiFunction"], byApi);
        Assert.Equal(["WakeCapacityWaitersFunction"], byRules);
        Assert.DoesNotContain("ProvisioningsApiFunction", byStateMachines);
        Assert.Equal(Template.Functions.Keys.Order(StringComparer.Ordinal), byStateMachines.Concat(byApi).Concat(byRules).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ProvisionStateMachine")]
    [InlineData("TeardownStateMachine")]
    public void A_state_machine_may_invoke_exactly_the_functions_its_definition_names(string stateMachine)
    {
        var named = Template.StateMachines[stateMachine].Substitutions.Keys
            .Select(key => key.EndsWith("Arn", StringComparison.Ordinal) ? key[..^"Arn".Length] : key);

        Assert.Equal(named.Order(StringComparer.Ordinal), Invokable((YamlMappingNode)TemplateYaml.At(TemplateYaml.Resources, stateMachine)!).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Invokable(YamlMappingNode stateMachine) =>
        ((YamlSequenceNode)TemplateYaml.At(stateMachine, "Properties", "Policies")!).Children
            .Select(p => TemplateYaml.Scalar(p, "LambdaInvokePolicy", "FunctionName"))
            .OfType<string>();

    [Fact]
    public void The_capacity_alarm_watches_AvailableInstanceType_Count_of_the_Outpost_and_instance_type()
    {
        var alarm = TemplateYaml.Resources.Children[new YamlScalarNode("CapacityAlarm")];
        var dimensions = ((YamlSequenceNode)TemplateYaml.At(alarm, "Properties", "Dimensions")!).Children.Select(d => TemplateYaml.Scalar(d, "Name"));

        Assert.Equal("AWS/Outposts", TemplateYaml.Scalar(alarm, "Properties", "Namespace"));
        Assert.Equal("AvailableInstanceType_Count", TemplateYaml.Scalar(alarm, "Properties", "MetricName"));
        Assert.Equal(["OutpostId", "InstanceType"], dimensions);
        Assert.Equal("GreaterThanOrEqualToThreshold", TemplateYaml.Scalar(alarm, "Properties", "ComparisonOperator"));
    }

    [Fact]
    public void The_capacity_rule_invokes_the_capacity_wake_up_on_its_alarm_going_to_ALARM()
    {
        var rule = Assert.Single(Template.EventRules);

        Assert.Equal(("WakeCapacityWaitersFunction", SamRuleTargetKind.Function), (rule.TargetLogicalId, rule.TargetKind));
        Assert.Equal("arn:aws:cloudwatch:us-west-2:123456789012:alarm:outpost-serverless-capacity-c5.large", rule.Pattern["resources"]![0]!.GetValue<string>());
        Assert.Equal("ALARM", rule.Pattern["detail"]!["state"]!["value"]![0]!.GetValue<string>());
        Assert.Null(rule.Input.Input); // the whole alarm event: the wake-up reads the Outpost and instance type from it
    }

    [Fact]
    public void The_fixed_capacity_request_rule_is_created_only_when_a_request_is_configured_and_starts_that_valid_request()
    {
        var request = File.ReadAllText(RepositoryFiles.Example("web-service.json"));
        var configured = SamTemplate.Load(RepositoryFiles.Template, new SamEnvironment("us-west-2", "123456789012"),
            new Dictionary<string, string> { ["CapacityProvisioningRequest"] = request });

        var rule = Assert.Single(configured.EventRules, r => r.TargetKind == SamRuleTargetKind.StateMachine);
        using var document = JsonDocument.Parse(rule.Input.Input!);

        Assert.Equal("ProvisionStateMachine", rule.TargetLogicalId);
        Assert.Equal(request, rule.Input.Input);
        Assert.Empty(RequestSchema.Shared.Evaluate(document.RootElement, JsonNode.Parse(rule.Input.Input!)));
        Assert.Equal("", Template.Parameters["CapacityProvisioningRequest"]);
        Assert.DoesNotContain(Template.EventRules, r => r.TargetKind == SamRuleTargetKind.StateMachine);
    }

    [Fact]
    public void Required_parameters_have_no_default_pointing_at_the_emulator()
    {
        var parameters = (YamlMappingNode)TemplateYaml.Root.Children[new YamlScalarNode("Parameters")];
        var samconfig = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "samconfig.toml"));

        Assert.Null(TemplateYaml.At(parameters, "OutpostArn", "Default"));
        Assert.All(parameters.Children.Values, p => Assert.DoesNotContain("123456789012", TemplateYaml.Scalar(p, "Default") ?? "", StringComparison.Ordinal));
        Assert.DoesNotContain("op-0123456789abcdef0", samconfig, StringComparison.Ordinal);
        Assert.DoesNotContain("123456789012", samconfig, StringComparison.Ordinal);
    }

    [Fact]
    public void The_outputs_give_the_state_machine_the_API_url_and_the_alarm()
    {
        var outputs = ((YamlMappingNode)TemplateYaml.Root.Children[new YamlScalarNode("Outputs")]).Children.Keys.Select(k => ((YamlScalarNode)k).Value);

        Assert.Superset(new HashSet<string?>(["ProvisionStateMachineArn", "ProvisioningsApiUrl", "CapacityAlarmName"]), outputs.ToHashSet());
    }

    [GeneratedRegex(@"^FUNCTIONS := (?<names>(?:[^\n]*\\\n)*[^\n]*)$", RegexOptions.Multiline)]
    private static partial Regex MakeFunctions();
}
