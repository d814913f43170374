using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Cli.Output;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Bench;

/// <summary>
/// <c>bench</c>: N executions of a definition, concurrently, in process on virtual clocks — by default the
/// provisioning definition with stub tasks — printing executions/s, state transitions/s and allocated
/// bytes per execution.
/// </summary>
public static class BenchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var definition = new Option<FileInfo?>("--definition")
        {
            Description = "The definition to run (default: statemachine/provision.asl.json with stub tasks returning canned outputs).",
        };
        var executions = new Option<int>("--executions") { Description = "How many executions to measure.", DefaultValueFactory = _ => 10_000 };
        var partitions = new Option<int>("--partitions")
        {
            Description = "Independent virtual clocks to spread the executions over (default: one per core).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var warmup = new Option<int>("--warmup") { Description = "Executions run first and not measured.", DefaultValueFactory = _ => 500 };
        var input = new Option<string?>("--input") { Description = "The execution input: a JSON file, or JSON text (default: statemachine/examples/web-service.json, else {})." };
        var mockConfig = new Option<FileInfo?>("--mock-config") { Description = "Answer Task states from this MockConfigFile (with --test-case) instead of the stubs." };
        var testCase = new Option<string?>("--test-case") { Description = "The test case of --mock-config." };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object." };
        var command = new Command("bench", "Run many executions of a definition concurrently in process on the virtual clock and print executions/s, state transitions/s and allocated bytes per execution.")
        {
            definition, executions, partitions, warmup, input, mockConfig, testCase, json,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            BenchSettings settings;
            try
            {
                settings = await SettingsAsync(parse, definition, input, mockConfig, testCase, cancellationToken) with
                {
                    Executions = parse.GetValue(executions),
                    Partitions = parse.GetValue(partitions),
                    Warmup = parse.GetValue(warmup),
                };
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or DefinitionValidationException or MockConfigException or ArgumentException)
            {
                await error.WriteLineAsync($"Cannot start: {e.Message}");
                return 2;
            }

            if (settings.Executions < 1 || settings.Partitions < 1 || settings.Warmup < 0)
            {
                await error.WriteLineAsync("--executions and --partitions must be at least 1, --warmup at least 0.");
                return 2;
            }

            // A progress bar on a terminal; none with --json or redirected output.
            var console = parse.GetValue(json) ? null : CliConsole.Create(output);
            var result = await TerminalProgress.RunAsync(console, "executions (warm-up, then measured)", settings.Warmup + settings.Executions, progress => BenchRunner.RunAsync(settings, progress, cancellationToken));
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(result.ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                await WriteAsync(output, result);
            }

            return result.Succeeded == result.Executions ? 0 : 1;
        });
        return command;
    }

    private static async Task<BenchSettings> SettingsAsync(
        ParseResult parse, Option<FileInfo?> definition, Option<string?> input, Option<FileInfo?> mockConfig, Option<string?> testCase, CancellationToken cancellationToken)
    {
        var definitionFile = parse.GetValue(definition)?.FullName
            ?? FindInRepository(Path.Combine("statemachine", "provision.asl.json"))
            ?? throw new IOException("statemachine/provision.asl.json is not in this directory or a parent; pass --definition");
        var parsed = StateMachineDefinition.Parse(await File.ReadAllTextAsync(definitionFile, cancellationToken));

        ITaskInvoker invoker = new ProvisioningStubInvoker();
        if (parse.GetValue(mockConfig) is { } mocks)
        {
            var name = parse.GetValue(testCase) ?? throw new ArgumentException("--mock-config needs --test-case");
            var config = MockConfig.Parse(await File.ReadAllTextAsync(mocks.FullName, cancellationToken));
            invoker = new MockedTaskInvoker(config.TestCase(config.StateMachineNames.Count == 1 ? config.StateMachineNames.Single() : Path.GetFileNameWithoutExtension(definitionFile).Replace(".asl", string.Empty, StringComparison.Ordinal), name));
        }

        var inputText = parse.GetValue(input);
        JsonNode? body = inputText is null
            ? FindInRepository(Path.Combine("statemachine", "examples", "web-service.json")) is { } example
                ? JsonNode.Parse(await File.ReadAllTextAsync(example, cancellationToken))
                : new JsonObject()
            : JsonNode.Parse(File.Exists(inputText) ? await File.ReadAllTextAsync(inputText, cancellationToken) : inputText);
        return new BenchSettings { Definition = parsed, Invoker = invoker, Input = body };
    }

    private static string? FindInRepository(string relative)
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static async Task WriteAsync(TextWriter output, BenchResult result)
    {
        var culture = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(culture, $"executions:               {result.Executions} ({result.Succeeded} succeeded) on {result.Partitions} virtual clock(s)"));
        await output.WriteLineAsync(string.Create(culture, $"elapsed:                  {result.Elapsed.TotalMilliseconds:0} ms"));
        await output.WriteLineAsync(string.Create(culture, $"executions/s:             {result.ExecutionsPerSecond:0}"));
        await output.WriteLineAsync(string.Create(culture, $"state transitions/s:      {result.TransitionsPerSecond:0} ({result.TransitionsPerExecution:0.#} per execution)"));
        await output.WriteLineAsync(string.Create(culture, $"allocated per execution:  {result.AllocatedBytesPerExecution / 1024:0.#} KiB"));
        await output.WriteLineAsync(string.Create(culture, $"processor time:           {result.CpuTime.TotalMilliseconds:0} ms ({result.ExecutionsPerCpuSecond:0} executions per CPU-second)"));
    }
}
