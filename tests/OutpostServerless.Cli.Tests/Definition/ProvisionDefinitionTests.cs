using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Functions.Handlers;
using OutpostServerless.StateMachine;
using OutpostServerless.Testing.Processes;
using OutpostServerless.Testing.Tools;

namespace OutpostServerless.Cli.Tests.Definition;

/// <summary>statemachine/provision.asl.json and teardown.asl.json, as SAM would deploy them.</summary>
public sealed class ProvisionDefinitionTests
{
    private static readonly SamTemplate Template = SamTemplate.Load(RepositoryFiles.Template, new SamEnvironment("us-west-2", "123456789012"));

    [Theory]
    [InlineData("ProvisionStateMachine")]
    [InlineData("TeardownStateMachine")]
    public async Task The_definition_passes_asl_validator(string stateMachine)
    {
        var definition = Path.Combine(Path.GetTempPath(), $"{stateMachine}-{Guid.NewGuid():N}.asl.json");
        await File.WriteAllTextAsync(definition, Template.DefinitionOf(stateMachine));
        try
        {
            // Pinned in tests/tools/package.json, so a new validator release cannot change the verdict under us.
            var validator = NpmTools.Require("asl-validator");

            var result = await ToolProcess.RunAsync(validator, ["--json-path", definition], TestContext.Current.CancellationToken);

            Assert.True(result.ExitCode == 0, $"asl-validator exited {result.ExitCode}:\n{result.Printed}");
            Assert.Contains("is valid", result.Printed);
        }
        finally
        {
            File.Delete(definition);
        }
    }

    [Theory]
    [InlineData("ProvisionStateMachine")]
    [InlineData("TeardownStateMachine")]
    public void The_definition_passes_the_local_engines_validation(string stateMachine)
    {
        var refusal = Record.Exception(() => StateMachineDefinition.Parse(Template.DefinitionOf(stateMachine)));

        Assert.Null(refusal);
    }

    [Theory]
    [InlineData("ProvisionStateMachine")]
    [InlineData("TeardownStateMachine")]
    public void Every_Task_state_calls_a_template_function_whose_handler_exists(string stateMachine)
    {
        var handlers = StepHandlers.Create(new EmulatedCloud(TimeProvider.System).Ports, TimeProvider.System, NullLoggerFactory.Instance);
        var root = JsonNode.Parse(Template.DefinitionOf(stateMachine))!;

        var resources = TaskResources(root).ToList();

        // Every function the template hands the definition (DefinitionSubstitutions) is called, and no other.
        var substituted = Template.StateMachines[stateMachine].Substitutions.Values.Where(arn => Template.TryFunctionByArn(arn, out _));
        Assert.Equal(substituted.Order(StringComparer.Ordinal), resources.Distinct().Order(StringComparer.Ordinal));
        foreach (var resource in resources)
        {
            Assert.True(Template.TryFunctionByArn(resource, out var function), $"{resource} is not a function of template.yaml");
            Assert.Contains(function!.Handler, handlers.Keys);
        }
    }

    /// <summary>The function each Task invokes: its Resource, or for the Lambda service integration its FunctionName.</summary>
    private static IEnumerable<string> TaskResources(JsonNode node) => node switch
    {
        JsonObject state when state["Type"]?.GetValue<string>() == "Task" =>
            [state["Resource"]!.GetValue<string>().StartsWith("arn:aws:states:::lambda:invoke", StringComparison.Ordinal)
                ? state["Parameters"]!["FunctionName"]!.GetValue<string>()
                : state["Resource"]!.GetValue<string>()],
        JsonObject other => other.Select(member => member.Value).Where(value => value is not null).SelectMany(value => TaskResources(value!)),
        JsonArray array => array.Where(item => item is not null).SelectMany(item => TaskResources(item!)),
        _ => [],
    };
}
