using System.CommandLine;
using OutpostServerless.Cli.Hosting;
using OutpostServerless.Cli.Output;
using OutpostServerless.Cli.Run;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.StateFiles;
using OutpostServerless.Local.Workflow;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Teardown;

/// <summary><c>teardown &lt;provisioningId&gt;</c>: deletes a provisioning with the template's teardown state machine, on the state file's world.</summary>
public static class TeardownCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var provisioningId = new Argument<string>("provisioningId") { Description = "The provisioning to delete (its request's provisioningId, or the execution name its run took)." };
        var stateFile = new Option<FileInfo?>("--state-file") { Description = "The emulated world the provisioning lives in (as run --state-file); saved there afterwards." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object, the same shape as run --json, instead of progress." };
        var templateOption = new Option<FileInfo?>("--template") { Description = "The SAM template (default: template.yaml in this or a parent directory)." };
        var command = new Command("teardown", "Delete a provisioning completely, in dependency order, with the template's TeardownStateMachine and functions; never what it does not own.")
        {
            provisioningId, stateFile, json, templateOption,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = CliConsole.Create(output);
            var asJson = parse.GetValue(json);
            LocalRunResult result;
            try
            {
                var template = SamTemplate.Load(TemplateLocator.Find(parse.GetValue(templateOption)), new SamEnvironment("us-west-2", "123456789012"));
                var progress = asJson ? null : new ProgressPrinter(console);
                result = await new LocalTeardown(template).RunAsync(parse.GetValue(provisioningId)!, parse.GetValue(stateFile)?.FullName, progress is null ? null : progress.OnEvent, cancellationToken);
            }
            catch (Exception refused) when (refused is UnknownProvisioningException or StateFileException or SamTemplateException)
            {
                await error.WriteLineAsync($"Cannot tear down: {refused.Message}");
                return ExitCodes.BadInput;
            }

            if (result.Execution.Error == ProvisioningNotFoundException.Name)
            {
                await error.WriteLineAsync($"Cannot tear down: {RunSummary.ReadableCause(result.Execution.Cause ?? "")}");
                return ExitCodes.BadInput;
            }

            if (asJson)
            {
                await output.WriteLineAsync(RunReport.From(result).ToJson());
            }
            else
            {
                RunSummary.Write(console, result);
            }

            return result.Execution.Status == ExecutionStatus.Succeeded ? ExitCodes.Succeeded : ExitCodes.Failed;
        });
        return command;
    }
}
