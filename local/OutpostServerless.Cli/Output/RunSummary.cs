using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Local.Workflow;
using OutpostServerless.Provisioning.Tagging;
using OutpostServerless.StateMachine;
using Spectre.Console;

namespace OutpostServerless.Cli.Output;

/// <summary>After the live lines: the outcome, and a table of what this provisioning left in the emulated account.</summary>
public static class RunSummary
{
    public static void Write(IAnsiConsole console, LocalRunResult result)
    {
        var execution = result.Execution;
        console.WriteLine();
        if (execution.Status == ExecutionStatus.Succeeded)
        {
            console.MarkupLine($"[bold green]SUCCEEDED[/] provisioning [bold]{Markup.Escape(result.ProvisioningId)}[/]");
        }
        else
        {
            console.MarkupLine($"[bold red]{Markup.Escape(execution.Status)}[/] {Markup.Escape(execution.Error ?? "")}");
            if (!string.IsNullOrEmpty(execution.Cause))
            {
                console.MarkupLine($"  cause: {Markup.Escape(ReadableCause(execution.Cause))}");
            }
        }

        var table = new Table().AddColumns("Resource", "Id", "Made by step");
        foreach (var resource in result.Resources)
        {
            table.AddRow(Markup.Escape(resource.Type), Markup.Escape(resource.Id), Markup.Escape(resource.Tags.GetValueOrDefault(ProvisioningTags.StepKey, "")));
        }

        console.MarkupLine(result.Resources.Count == 0
            ? $"No resource is tagged with provisioning id {Markup.Escape(result.ProvisioningId)}."
            : $"Resources tagged with provisioning id {Markup.Escape(result.ProvisioningId)}:");
        if (result.Resources.Count > 0)
        {
            console.Write(table);
        }

        console.MarkupLine(
            $"[grey]{execution.StateTransitions} state transitions, {result.ApiCalls.Values.Sum()} AWS calls ({result.MutatingCalls} mutating), " +
            $"{result.VirtualSeconds:0} virtual seconds in {result.WallMilliseconds:0} ms[/]");
    }

    /// <summary>A Lambda function error's cause is its error JSON; a person wants its message, not its stack trace.</summary>
    public static string ReadableCause(string cause)
    {
        try
        {
            return JsonNode.Parse(cause) is JsonObject error && error["errorMessage"] is JsonValue message && message.TryGetValue<string>(out var text)
                ? text
                : cause;
        }
        catch (JsonException)
        {
            return cause;
        }
    }
}
