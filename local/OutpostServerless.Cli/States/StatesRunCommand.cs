using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.StateMachine;
using Spectre.Console;

namespace OutpostServerless.Cli.States;

/// <summary>
/// <c>states run --definition F [--input F|JSON] [--mock-config F --test-case NAME] [--json] [--real-time]</c>:
/// one execution of any definition on the local engine, its Task states answered by MockConfigFile mocks.
/// </summary>
public static class StatesRunCommand
{
    private const string DefaultRegionAccount = "us-east-1:123456789012";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var definition = new Option<FileInfo>("--definition") { Description = "The Amazon States Language definition (JSON).", Required = true };
        var input = new Option<string?>("--input") { Description = "The execution input: a JSON file, or JSON text (default {})." };
        var mockConfig = new Option<FileInfo?>("--mock-config") { Description = "A MockConfigFile.json in AWS Step Functions Local's format." };
        var testCase = new Option<string?>("--test-case") { Description = "The test case of --mock-config whose mocks answer the Task states." };
        var stateMachine = new Option<string?>("--state-machine")
        {
            Description = "The state machine's name in --mock-config (default: the only one in the file, else the definition file's name).",
        };
        var name = new Option<string?>("--name") { Description = "The execution name (default: a UUID)." };
        var json = new Option<bool>("--json") { Description = "Print DescribeExecution's fields and the GetExecutionHistory events as one JSON object." };
        var realTime = new Option<bool>("--real-time") { Description = "Really wait in Wait states and retries (default: a virtual clock, no waiting)." };
        var command = new Command("run", "Run one execution of a definition locally and print its status, output, error and cause. Exit 0 succeeded, 1 failed, 2 bad input.")
        {
            definition, input, mockConfig, testCase, stateMachine, name, json, realTime,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var definitionFile = parse.GetValue(definition)!;
            var setup = await LoadAsync(
                definitionFile,
                parse.GetValue(input),
                parse.GetValue(mockConfig),
                parse.GetValue(testCase),
                parse.GetValue(stateMachine),
                cancellationToken);
            if (setup.Problem is not null)
            {
                await error.WriteLineAsync(setup.Problem);
                return StatesExitCodes.BadInput;
            }

            var clock = parse.GetValue(realTime) ? TimeProvider.System : new VirtualClock(TimeProvider.System.GetUtcNow());
            var runner = new StateMachineRunner(setup.Definition!, setup.Invoker!, clock);
            var options = new ExecutionOptions
            {
                ExecutionName = parse.GetValue(name),
                StateMachineArn = $"arn:aws:states:{DefaultRegionAccount}:stateMachine:{setup.StateMachineName}",
            };
            var result = await runner.RunAsync(setup.Input, options, cancellationToken);

            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(StatesRunReport.ToJson(result, options.StateMachineArn, setup.Input).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                WriteSummary(output, result);
            }

            return result.Status == ExecutionStatus.Succeeded ? StatesExitCodes.Succeeded : StatesExitCodes.Failed;
        });
        return command;
    }

    private static async Task<RunSetup> LoadAsync(
        FileInfo definitionFile, string? inputText, FileInfo? mockFile, string? testCaseName, string? stateMachineName, CancellationToken cancellationToken)
    {
        if (mockFile is null != testCaseName is null)
        {
            return RunSetup.Fail("--mock-config and --test-case go together: the file holds the mocks, the test case picks them.");
        }

        try
        {
            var definition = StateMachineDefinition.Parse(await File.ReadAllTextAsync(definitionFile.FullName, cancellationToken));
            var input = await ReadInputAsync(inputText, cancellationToken);
            var machineName = stateMachineName ?? NameOf(definitionFile);
            ITaskInvoker invoker = new UnmockedTaskInvoker();
            if (mockFile is not null)
            {
                var mocks = MockConfig.Parse(await File.ReadAllTextAsync(mockFile.FullName, cancellationToken));
                if (stateMachineName is null && mocks.StateMachineNames.Count == 1)
                {
                    machineName = mocks.StateMachineNames.Single();
                }

                invoker = new MockedTaskInvoker(mocks.TestCase(machineName, testCaseName!));
            }

            return new RunSetup(definition, input, invoker, machineName, null);
        }
        catch (DefinitionValidationException invalid)
        {
            return RunSetup.Fail($"{definitionFile.Name} is not a valid state machine:{Environment.NewLine}" + string.Join(Environment.NewLine, invalid.Errors.Select(e => "  - " + e)));
        }
        catch (MockConfigException badMocks)
        {
            return RunSetup.Fail($"{mockFile!.Name}: {badMocks.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return RunSetup.Fail($"Cannot start: {e.Message}");
        }
    }

    /// <summary>A file when one exists at that path, else JSON text; absent means <c>{}</c>, as StartExecution.</summary>
    private static async Task<JsonNode?> ReadInputAsync(string? inputText, CancellationToken cancellationToken)
    {
        if (inputText is null)
        {
            return new JsonObject();
        }

        var text = File.Exists(inputText) ? await File.ReadAllTextAsync(inputText, cancellationToken) : inputText;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new JsonException($"--input is neither a file nor valid JSON: {e.Message}", e);
        }
    }

    /// <summary><c>provision.asl.json</c> → <c>provision</c>.</summary>
    private static string NameOf(FileInfo file)
    {
        var name = file.Name;
        foreach (var suffix in new[] { ".json", ".asl" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length];
            }
        }

        return name;
    }

    private static void WriteSummary(TextWriter output, ExecutionResult result)
    {
        var onTerminal = output == Console.Out && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = onTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = onTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        var colour = result.Status == ExecutionStatus.Succeeded ? "green" : "red";
        console.MarkupLine($"Status: [bold {colour}]{result.Status}[/]");
        console.MarkupLine($"Execution: {Markup.Escape(result.ExecutionArn)}");
        console.MarkupLine($"Duration: {result.Duration} ({result.StateTransitions} state transitions)");
        if (result.Status == ExecutionStatus.Succeeded)
        {
            console.WriteLine($"Output: {result.Output?.ToJsonString() ?? "null"}");
        }

        if (result.Error is not null)
        {
            console.WriteLine($"Error: {result.Error}");
        }

        if (result.Cause is not null)
        {
            console.WriteLine($"Cause: {result.Cause}");
        }
    }

    private sealed record RunSetup(StateMachineDefinition? Definition, JsonNode? Input, ITaskInvoker? Invoker, string StateMachineName, string? Problem)
    {
        public static RunSetup Fail(string problem) => new(null, null, null, string.Empty, problem);
    }
}
