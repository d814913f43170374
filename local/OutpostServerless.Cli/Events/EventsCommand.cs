using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Cli.Hosting;
using OutpostServerless.Cli.Run;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.EventBridge;
using OutpostServerless.Local.StepFunctions;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Events;

/// <summary>
/// <c>events put &lt;event.json&gt; [--json]</c>: puts events on the local default bus, matches them against
/// the template's EventBridge rules (the real pattern language), and starts each matched rule's state
/// machine with the rule's input, on one emulated world; prints the executions it started, as they ended.
/// </summary>
public static class EventsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("event") { Description = "An event (as EventBridge delivers it, or a PutEvents entry), a list of them, or {\"Entries\": [...]}; see statemachine/events/." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: events (with the rules each matched), executions started, failed deliveries." };
        var templateOption = new Option<FileInfo?>("--template") { Description = "The SAM template (default: template.yaml in this or a parent directory)." };
        var stateFile = new Option<FileInfo?>("--state-file") { Description = "Load the emulated world from this JSON file if it exists, and save it there after each execution." };
        var overrides = new Option<string[]>("--parameter-overrides")
        {
            Description = "Template parameter values instead of the defaults: Key=Value ...",
            AllowMultipleArgumentsPerToken = true,
        };
        var put = new Command("put", "Put events on the local bus: the template's rules that match start their state machines (none is a valid answer).")
        {
            file, json, templateOption, stateFile, overrides,
        };
        put.SetAction(async (parse, cancellationToken) =>
        {
            var eventFile = parse.GetValue(file)!;
            SamTemplate template;
            LocalEventBus bus;
            IReadOnlyList<JsonObject> events;
            LocalStepFunctions stepFunctions;
            try
            {
                template = SamTemplate.Load(
                    TemplateLocator.Find(parse.GetValue(templateOption)),
                    new SamEnvironment("us-west-2", "123456789012"),
                    ParameterOverrides.Parse(parse.GetValue(overrides) ?? []));
                bus = new LocalEventBus(template);
                events = EventEnvelope.Read(eventFile.Name, JsonNode.Parse(await File.ReadAllTextAsync(eventFile.FullName, cancellationToken)), template.Environment, DateTimeOffset.UtcNow);
                stepFunctions = await LocalStepFunctions.OpenAsync(template, parse.GetValue(stateFile)?.FullName, cancellationToken, "events put");
            }
            catch (Exception unreadable) when (unreadable is IOException or JsonException or SamTemplateException or EventFileException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"Cannot put events: {unreadable.Message}");
                return ExitCodes.BadInput;
            }

            await using var executions = stepFunctions;
            var report = await PutAsync(template, bus, stepFunctions, events, cancellationToken);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(report.ToJson());
            }
            else
            {
                await output.WriteAsync(Text(report));
            }

            return report.Executions.All(e => e.Status == ExecutionStatus.Succeeded) && report.FailedDeliveries.Count == 0 && report.Invocations.All(i => i.Error is null) ? ExitCodes.Succeeded : ExitCodes.Failed;
        });
        return new Command("events", "The template's EventBridge rules, locally.") { put };
    }

    /// <summary>Matches each event, starts what the matched rules target, and waits for those executions to stop.</summary>
    public static async Task<EventsReport> PutAsync(
        SamTemplate template, LocalEventBus bus, LocalStepFunctions stepFunctions, IReadOnlyList<JsonObject> events, CancellationToken cancellationToken)
    {
        var putEvents = new List<PutEventReport>();
        var started = new List<(string Rule, ExecutionDescription Execution)>();
        var failed = new List<FailedDeliveryReport>();
        var invoked = new List<InvokedFunctionReport>();
        foreach (var @event in events)
        {
            var delivery = await EventDelivery.DeliverAsync(template, bus, stepFunctions, @event, cancellationToken);
            putEvents.Add(delivery.Event);
            started.AddRange(delivery.Started);
            invoked.AddRange(delivery.Invoked);
            failed.AddRange(delivery.Failed);
        }

        var executions = new List<StartedExecutionReport>();
        foreach (var (rule, execution) in started)
        {
            var stopped = await stepFunctions.WhenStoppedAsync(execution.ExecutionArn, cancellationToken);
            executions.Add(new StartedExecutionReport(rule, stopped.ExecutionArn, stopped.Name, stopped.Status, stopped.Error, stopped.Cause, stopped.Input, stopped.Output));
        }

        return new EventsReport(putEvents, executions, failed) { Invocations = invoked };
    }

    private static string Text(EventsReport report)
    {
        var lines = new List<string>();
        foreach (var @event in report.Events)
        {
            lines.Add($"Event {@event.Source} \"{@event.DetailType}\" ({@event.Id}): " +
                (@event.MatchedRules.Count == 0 ? "matched no rule" : $"matched {string.Join(", ", @event.MatchedRules)}"));
        }

        foreach (var failure in report.FailedDeliveries)
        {
            lines.Add($"  ✗ {failure.Rule}: not delivered: {failure.Problem}");
        }

        foreach (var invocation in report.Invocations)
        {
            lines.Add($"  {invocation.Rule} invoked {invocation.Function}: {(invocation.Error is null ? invocation.Output?.ToJsonString() : $"failed {invocation.Error}")}");
        }

        foreach (var execution in report.Executions)
        {
            lines.Add($"  {execution.Rule} started {execution.ExecutionArn}");
            lines.Add($"    {execution.Status}{(execution.Error is null ? "" : $" {execution.Error}")}");
        }

        lines.Add(report.Executions.Count switch
        {
            0 => "No execution started.",
            1 => "1 execution started.",
            var n => $"{n} executions started.",
        });
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }
}
