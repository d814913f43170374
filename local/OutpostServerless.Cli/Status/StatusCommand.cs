using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OutpostServerless.Cli.Output;
using OutpostServerless.Cli.Run;
using OutpostServerless.Local.StateFiles;
using OutpostServerless.Local.Workflow;
using OutpostServerless.Provisioning.Status;
using Spectre.Console;

namespace OutpostServerless.Cli.Status;

/// <summary><c>status &lt;provisioningId&gt;</c>: a provisioning's resources as they are now, and its executions.</summary>
public static class StatusCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var provisioningId = new Argument<string>("provisioningId") { Description = "The provisioning to describe." };
        var stateFile = new Option<FileInfo?>("--state-file") { Description = "The emulated world the provisioning lives in (as run --state-file); only read." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: provisioningId, state, lastAppliedExecution, lastAppliedRequest, resources, executions, drift." };
        var command = new Command("status", "Show a provisioning: what exists of it now (found by its tag and names), and its executions and their outcomes.")
        {
            provisioningId, stateFile, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            ProvisioningStatusReport report;
            try
            {
                report = await LocalStatus.ReadAsync(parse.GetValue(provisioningId)!, parse.GetValue(stateFile)?.FullName, cancellationToken);
            }
            catch (Exception refused) when (refused is UnknownProvisioningException or StateFileException)
            {
                await error.WriteLineAsync($"Cannot show status: {refused.Message}");
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(report, StatusJsonContext.Default.ProvisioningStatusReport));
            }
            else
            {
                Write(CliConsole.Create(output), report);
            }

            return ExitCodes.Succeeded;
        });
        return command;
    }

    private static void Write(IAnsiConsole console, ProvisioningStatusReport report)
    {
        var state = JsonSerializer.Serialize(report.State, StatusJsonContext.Default.ProvisioningState).Trim('"');
        console.MarkupLine($"Provisioning [bold]{Markup.Escape(report.ProvisioningId)}[/]: {Markup.Escape(state)} (generation {report.Generation}"
            + (report.RunningExecution is { } running ? $", {Markup.Escape(running)} running)" : ")"));
        if (report.Capacity is { } capacity)
        {
            console.MarkupLine(capacity.Status == Provisioning.Queue.QueueEntryStatus.Waiting
                ? Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"Waiting for {capacity.SlotsNeeded} {capacity.InstanceType} slots on {capacity.OutpostId} since {capacity.Since:u}: place {capacity.Position} in the queue, {capacity.SlotsAhead} slots wanted ahead of it"))
                : Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"Admitted by the capacity queue: holds {capacity.SlotsNeeded} {capacity.InstanceType} slots on {capacity.OutpostId} (waited since {capacity.Since:u})")));
        }

        var resources = new Table().AddColumns("Resource", "Id", "State", "Detail");
        foreach (var resource in report.Resources)
        {
            resources.AddRow(Markup.Escape(resource.Type), Markup.Escape(resource.Id), Markup.Escape(resource.State), Markup.Escape(resource.Detail ?? ""));
        }

        console.MarkupLine(report.Resources.Count == 0 ? "No resource of it exists." : $"{report.Resources.Count} resource(s) exist:");
        if (report.Resources.Count > 0)
        {
            console.Write(resources);
        }

        var executions = new Table().AddColumns("Execution", "Generation", "Action", "Outcome", "Error", "Ended");
        foreach (var execution in report.Executions)
        {
            executions.AddRow(
                Markup.Escape(execution.Execution), execution.Generation.ToString(CultureInfo.InvariantCulture), execution.Action.ToString(), execution.Outcome.ToString(),
                Markup.Escape(execution.Error ?? ""), execution.EndedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "");
        }

        console.MarkupLine(report.Drift.Count == 0
            ? "No drift: the world is as the last applied plan left it."
            : $"Drift from the last applied plan ({report.Drift.Count}): " + Markup.Escape(string.Join("; ", report.Drift.Select(d => $"{d.Resource} {d.Action.ToString().ToLowerInvariant()} {string.Join(",", d.Fields)}".TrimEnd()))));
        console.MarkupLine("Executions, newest first:");
        console.Write(executions);
    }
}
