using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Cli.Hosting;
using OutpostServerless.Cli.Output;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.Bootstrap;
using OutpostServerless.Local.Graph;
using OutpostServerless.Local.StateFiles;
using OutpostServerless.Local.Workflow;
using OutpostServerless.StateMachine;
using Spectre.Console;

namespace OutpostServerless.Cli.Run;

/// <summary><c>run &lt;request.json&gt;</c>: one provisioning against the emulated Region and Outpost.</summary>
public static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var request = new Argument<FileInfo>("request") { Description = "A provisioning request (JSON; see statemachine/request.schema.json and statemachine/examples/)." };
        var capacity = new Option<int?>("--capacity") { Description = "Free slots of the requested instance type on the emulated Outpost (default: plenty)." };
        var arrivesAfter = new Option<int?>("--capacity-arrives-after") { Description = "Enough slots appear at this virtual second (until then: --capacity, default 0)." };
        var stateFile = new Option<FileInfo?>("--state-file") { Description = "Load the emulated world from this JSON file if it exists, and save it there afterwards." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (status, error, cause, output, stateTransitions, apiCalls, mutatingCalls, virtualSeconds, wallMilliseconds) instead of progress." };
        var name = new Option<string?>("--name") { Description = "Execution name (default: the request file's name); the provisioning id when the request has none." };
        var faults = new Option<string[]>("--fault")
        {
            Description = "Rehearse an AWS failure: service:Operation=ErrorCode[*times], e.g. ec2:RunInstances=InsufficientInstanceCapacity (repeatable).",
            AllowMultipleArgumentsPerToken = false,
        };
        var templateOption = new Option<FileInfo?>("--template") { Description = "The SAM template (default: template.yaml in this or a parent directory)." };
        var lambda = new Option<LambdaMode>("--lambda")
        {
            Description = "How the functions run: inprocess (fast), or process (each function's real bootstrap on the emulator's Lambda Runtime API, reaching AWS over HTTP).",
            DefaultValueFactory = _ => LambdaMode.InProcess,
            CustomParser = result => result.Tokens.Single().Value.ToLowerInvariant() switch
            {
                "inprocess" or "in-process" => LambdaMode.InProcess,
                "process" => LambdaMode.Process,
                var other => Invalid(result, $"--lambda must be inprocess or process, not '{other}'."),
            },
        };
        var bootstrap = new Option<FileInfo?>("--bootstrap") { Description = "With --lambda process: the bootstrap to run (default: the Native AOT one `make publish` built, when up to date; else the JIT one beside this program)." };
        var awsEndpoint = new Option<Uri?>("--aws-endpoint")
        {
            Description = "Reach this AWS-compatible endpoint (e.g. emulator serve's http://127.0.0.1:4566) over HTTP through the real clients, instead of the embedded emulator.",
            CustomParser = result => Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                ? url
                : InvalidEndpoint(result, $"--aws-endpoint must be an absolute http(s) URL, not '{result.Tokens.Single().Value}'."),
        };
        var command = new Command("run", "Run one provisioning end to end: the real state machine and function code against the embedded, offline Outpost emulator.")
        {
            request, capacity, arrivesAfter, stateFile, json, name, faults, templateOption,
        };
        command.Options.Add(lambda);
        command.Options.Add(bootstrap);
        command.Options.Add(awsEndpoint);
        var graph = new Option<FileInfo?>("--graph") { Description = "Also draw the state machine with the path this run took (.svg or .png)." };
        command.Options.Add(graph);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = CliConsole.Create(output);
            var asJson = parse.GetValue(json);
            var faultSpecs = new List<FaultSpec>();
            foreach (var text in parse.GetValue(faults) ?? [])
            {
                if (!FaultSpec.TryParse(text, out var fault))
                {
                    await error.WriteLineAsync($"--fault '{text}' is not service:Operation=ErrorCode[*times], e.g. ec2:RunInstances=InsufficientInstanceCapacity*2.");
                    return ExitCodes.BadInput;
                }

                faultSpecs.Add(fault!);
            }

            var problem = OptionProblem(parse.GetValue(capacity), parse.GetValue(arrivesAfter));
            if (problem is not null)
            {
                await error.WriteLineAsync(problem);
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(graph) is { } picture && GraphFile.Problem("--graph", picture.FullName) is { } pictureProblem)
            {
                await error.WriteLineAsync(pictureProblem);
                return ExitCodes.BadInput;
            }

            var requestFile = parse.GetValue(request)!;
            JsonNode? body;
            string templatePath;
            SamTemplate template;
            try
            {
                body = JsonNode.Parse(await File.ReadAllTextAsync(requestFile.FullName, cancellationToken));
                templatePath = TemplateLocator.Find(parse.GetValue(templateOption));
                template = SamTemplate.Load(templatePath, new SamEnvironment("us-west-2", "123456789012"));
            }
            catch (Exception unreadable) when (unreadable is IOException or JsonException or SamTemplateException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"Cannot start: {unreadable.Message}");
                return ExitCodes.BadInput;
            }

            var settings = new LocalRunSettings
            {
                Request = body,
                ExecutionName = parse.GetValue(name) ?? Path.GetFileNameWithoutExtension(requestFile.Name),
                Capacity = parse.GetValue(capacity),
                CapacityArrivesAfterSeconds = parse.GetValue(arrivesAfter),
                StateFile = parse.GetValue(stateFile)?.FullName,
                Faults = faultSpecs,
                Lambda = parse.GetValue(lambda),
                Bootstrap = parse.GetValue(lambda) == LambdaMode.Process
                    ? LocalBootstrap.Choose(parse.GetValue(bootstrap)?.FullName, Path.GetDirectoryName(templatePath))
                    : null,
                AwsEndpoint = parse.GetValue(awsEndpoint),
            };
            foreach (var conflict in AwsEndpointRun.Conflicts(settings))
            {
                await error.WriteLineAsync($"{conflict} (with --aws-endpoint)");
            }

            if (AwsEndpointRun.Conflicts(settings).Count > 0)
            {
                return ExitCodes.BadInput;
            }

            if (!asJson && settings.Bootstrap is { } chosen)
            {
                console.MarkupLine(Markup.Escape(chosen.Describe()));
            }

            var progress = asJson ? null : new ProgressPrinter(console);
            LocalRunResult result;
            var workflow = new LocalWorkflow(template);
            try
            {
                result = await workflow.RunAsync(settings, progress is null ? null : progress.OnEvent, cancellationToken);
            }
            catch (StateFileException unusable)
            {
                await error.WriteLineAsync($"Cannot start: {unusable.Message}");
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(graph) is { } graphFile)
            {
                await GraphFile.WriteAsync(
                    workflow.Definition, ExecutionPath.Of(result.Execution.History, result.Execution.Status),
                    $"{settings.ExecutionName}: {result.Execution.Status}", graphFile.FullName, cancellationToken);
            }

            if (asJson)
            {
                await output.WriteLineAsync(RunReport.From(result).ToJson());
            }
            else
            {
                RunSummary.Write(console, result);
                if (settings.AwsEndpoint is { } endpoint)
                {
                    console.MarkupLine(Markup.Escape($"(--aws-endpoint: the steps ran against {endpoint} on real time, so the seconds above are real ones; what they made is in that endpoint's account, and calls were counted by the clients.)"));
                }
            }

            return result.Execution.Status switch
            {
                ExecutionStatus.Succeeded => ExitCodes.Succeeded,
                _ when result.Execution.Error == "Provisioning.InvalidRequest" => ExitCodes.BadInput,
                _ => ExitCodes.Failed,
            };
        });
        return command;
    }

    private static LambdaMode Invalid(System.CommandLine.Parsing.ArgumentResult result, string problem)
    {
        result.AddError(problem);
        return default;
    }

    private static Uri? InvalidEndpoint(System.CommandLine.Parsing.ArgumentResult result, string problem)
    {
        result.AddError(problem);
        return null;
    }

    private static string? OptionProblem(int? capacity, int? arrivesAfter) => (capacity, arrivesAfter) switch
    {
        ( < 0, _) => "--capacity must be 0 or more free slots.",
        (_, < 0) => "--capacity-arrives-after must be 0 or more virtual seconds.",
        _ => null,
    };
}
