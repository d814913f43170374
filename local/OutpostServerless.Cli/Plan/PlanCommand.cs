using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Cli.Hosting;
using OutpostServerless.Cli.Output;
using OutpostServerless.Cli.Run;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Status;
using OutpostServerless.Provisioning.Steps;
using Spectre.Console;

namespace OutpostServerless.Cli.Plan;

/// <summary><c>plan &lt;request.json&gt;</c>: what <c>run</c> would do to each resource, and what it would refuse; changes nothing.</summary>
public static class PlanCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var request = new Argument<FileInfo>("request") { Description = "A provisioning request (JSON; see statemachine/request.schema.json)." };
        var stateFile = new Option<FileInfo?>("--state-file") { Description = "Plan against the emulated world in this file (as run --state-file); only read. Default: a new, empty world." };
        var awsEndpoint = new Option<Uri?>("--aws-endpoint")
        {
            Description = "Plan against this AWS-compatible endpoint (e.g. emulator serve's http://127.0.0.1:4566) through the real clients.",
            CustomParser = result => Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                ? url
                : Invalid(result, $"--aws-endpoint must be an absolute http(s) URL, not '{result.Tokens.Single().Value}'."),
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: {\"changes\":[{resource,id,action,fields}],\"refused\":[{field,reason,fix,message}],\"mutatingCalls\":0}." };
        var name = new Option<string?>("--name") { Description = "The provisioning id when the request has none (default: the request file's name), as run --name." };
        var templateOption = new Option<FileInfo?>("--template") { Description = "The SAM template whose ValidateRequest settings (e.g. AllowedManagedPolicyArns) apply (default: template.yaml in this or a parent directory)." };
        var command = new Command("plan", "Show what applying a request would do, per resource: create, update (which fields), replace, delete or no-op, and the changes refused. Makes no mutating call.")
        {
            request, stateFile, awsEndpoint, json, name, templateOption,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(stateFile) is not null && parse.GetValue(awsEndpoint) is not null)
            {
                await error.WriteLineAsync("--state-file and --aws-endpoint: plan against one world, not both. Fix: pass one of them.");
                return ExitCodes.BadInput;
            }

            var requestFile = parse.GetValue(request)!;
            PlanReport report;
            try
            {
                var body = JsonNode.Parse(await File.ReadAllTextAsync(requestFile.FullName, cancellationToken));
                var validator = LocalPlan.ValidatorOf(SamTemplate.Load(TemplateLocator.Find(parse.GetValue(templateOption)), new SamEnvironment("us-west-2", "123456789012")));
                report = await LocalPlan.PlanAsync(body, parse.GetValue(name) ?? Path.GetFileNameWithoutExtension(requestFile.Name), validator,
                    parse.GetValue(stateFile)?.FullName, parse.GetValue(awsEndpoint), cancellationToken);
            }
            catch (Exception refused) when (refused is IOException or JsonException or UnauthorizedAccessException or InvalidRequestException or SamTemplateException)
            {
                await error.WriteLineAsync($"Cannot plan: {(refused is InvalidRequestException invalid ? string.Join(Environment.NewLine, invalid.Errors) : refused.Message)}");
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(report.ToJson());
            }
            else
            {
                Write(CliConsole.Create(output), report);
            }

            return report.Refused.Count == 0 ? ExitCodes.Succeeded : ExitCodes.BadInput;
        });
        return command;
    }

    private static void Write(IAnsiConsole console, PlanReport report)
    {
        var table = new Table().AddColumns("Resource", "Id", "Action", "Fields");
        foreach (var change in report.Changes)
        {
            var action = change.Action switch
            {
                ChangeAction.Create => "[green]create[/]",
                ChangeAction.Update => "[yellow]update[/]",
                ChangeAction.Replace => "[yellow]replace[/]",
                ChangeAction.Delete => "[red]delete[/]",
                _ => "[grey]no-op[/]",
            };
            table.AddRow(Markup.Escape(change.Resource), Markup.Escape(change.Id ?? "(new)"), action, Markup.Escape(string.Join(", ", change.Fields)));
        }

        console.Write(table);
        foreach (var refused in report.Refused)
        {
            console.MarkupLine($"[bold red]refused[/] {Markup.Escape(refused.Message)}");
        }

        var counts = report.Changes.GroupBy(c => c.Action).ToDictionary(g => g.Key, g => g.Count());
        console.MarkupLine(
            $"{counts.GetValueOrDefault(ChangeAction.Create)} to create, {counts.GetValueOrDefault(ChangeAction.Update)} to update, " +
            $"{counts.GetValueOrDefault(ChangeAction.Replace)} to replace, {counts.GetValueOrDefault(ChangeAction.Delete)} to delete, " +
            $"{counts.GetValueOrDefault(ChangeAction.NoOp)} unchanged; {report.Refused.Count} refused. Planning made {report.MutatingCalls} mutating calls.");
    }

    private static Uri? Invalid(System.CommandLine.Parsing.ArgumentResult result, string problem)
    {
        result.AddError(problem);
        return null;
    }
}
