using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using OutpostServerless.Cli.Sam;
using OutpostServerless.Emulator;
using OutpostServerless.Functions.Handlers;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Tests.Definition;

/// <summary>statemachine/provision.asl.json and teardown.asl.json, as SAM would deploy them.</summary>
public sealed class ProvisionDefinitionTests
{
    /// <summary>Pinned so a new validator release cannot change the verdict under us.</summary>
    private const string AslValidatorPackage = "asl-validator@4.0.0";

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
            var (exitCode, output) = await RunAsync(await AslValidatorAsync(), "--json-path", definition);

            Assert.True(exitCode == 0, $"asl-validator exited {exitCode}:\n{output}");
            Assert.Contains("is valid", output);
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
        var definition = StateMachineDefinition.Parse(Template.DefinitionOf(stateMachine));

        Assert.NotNull(definition);
    }

    [Theory]
    [InlineData("ProvisionStateMachine", 18)]
    [InlineData("TeardownStateMachine", 7)]
    public void Every_Task_state_calls_a_template_function_whose_handler_exists(string stateMachine, int functions)
    {
        var handlers = StepHandlers.Create(new EmulatedCloud(TimeProvider.System).Ports, TimeProvider.System, NullLoggerFactory.Instance);
        var root = JsonNode.Parse(Template.DefinitionOf(stateMachine))!;

        var resources = TaskResources(root).ToList();

        Assert.Equal(functions, resources.Distinct().Count());
        foreach (var resource in resources)
        {
            Assert.True(Template.TryFunctionByArn(resource, out var function), $"{resource} is not a function of template.yaml");
            Assert.Contains(function!.Handler, handlers.Keys);
        }
    }

    private static IEnumerable<string> TaskResources(JsonNode node) => node switch
    {
        JsonObject state when state["Type"]?.GetValue<string>() == "Task" => [state["Resource"]!.GetValue<string>()],
        JsonObject other => other.Select(member => member.Value).Where(value => value is not null).SelectMany(value => TaskResources(value!)),
        JsonArray array => array.Where(item => item is not null).SelectMany(item => TaskResources(item!)),
        _ => [],
    };

    /// <summary>The validator from npm, installed once into the repository's git-ignored .tools folder.</summary>
    private static async Task<string> AslValidatorAsync()
    {
        var tools = Path.Combine(RepositoryFiles.Root, ".tools");
        var binary = Path.Combine(tools, "node_modules", ".bin", "asl-validator");
        if (!File.Exists(binary))
        {
            var (exitCode, output) = await RunAsync("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", tools, AslValidatorPackage);
            Assert.True(exitCode == 0, $"npm install {AslValidatorPackage} failed ({exitCode}):\n{output}");
        }

        return binary;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
