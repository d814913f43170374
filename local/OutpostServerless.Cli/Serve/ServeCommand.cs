using System.CommandLine;
using OutpostServerless.Cli.Hosting;
using OutpostServerless.Cli.Run;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.ApiGateway;
using OutpostServerless.Local.StepFunctions;

namespace OutpostServerless.Cli.Serve;

/// <summary>
/// <c>serve [--port 3000]</c>: the template's API routes on 127.0.0.1 until Ctrl+C, every execution they
/// start run on one shared emulated world (optionally kept in <c>--state-file</c>).
/// </summary>
public static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0: any free port).", DefaultValueFactory = _ => 3000 };
        var templateOption = new Option<FileInfo?>("--template") { Description = "The SAM template (default: template.yaml in this or a parent directory)." };
        var stateFile = new Option<FileInfo?>("--state-file") { Description = "Load the emulated world from this JSON file if it exists, and save it there after each execution." };
        var overrides = new Option<string[]>("--parameter-overrides")
        {
            Description = "Template parameter values instead of the defaults: Key=Value ...",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("serve", "Serve the template's API (POST /provisionings[?dryRun=true], GET and DELETE /provisionings/{id}) locally: its function runs in this process, executions on the embedded, offline Outpost emulator.")
        {
            port, templateOption, stateFile, overrides,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var portNumber = parse.GetValue(port);
            if (portNumber is < 0 or > 65535)
            {
                await error.WriteLineAsync($"--port {portNumber} is not a TCP port (0-65535).");
                return ExitCodes.BadInput;
            }

            SamTemplate template;
            try
            {
                template = SamTemplate.Load(
                    TemplateLocator.Find(parse.GetValue(templateOption)),
                    new SamEnvironment("us-west-2", "123456789012"),
                    ParameterOverrides.Parse(parse.GetValue(overrides) ?? []));
            }
            catch (Exception unreadable) when (unreadable is IOException or SamTemplateException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"Cannot serve: {unreadable.Message}");
                return ExitCodes.BadInput;
            }

            if (template.ApiRoutes.Count == 0)
            {
                await error.WriteLineAsync("Cannot serve: the template has no API Gateway methods.");
                return ExitCodes.BadInput;
            }

            LocalStepFunctions stepFunctions;
            try
            {
                stepFunctions = await LocalStepFunctions.OpenAsync(template, parse.GetValue(stateFile)?.FullName, cancellationToken);
            }
            catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"Cannot serve: {unreadable.Message}");
                return ExitCodes.BadInput;
            }

            await using var executions = stepFunctions;
            LocalApiServer server;
            try
            {
                server = await LocalApiServer.StartAsync(template, stepFunctions, portNumber, output, cancellationToken);
            }
            catch (Exception refused) when (refused is SamTemplateException or IOException)
            {
                await error.WriteLineAsync($"Cannot serve: {refused.Message}");
                return ExitCodes.BadInput;
            }

            await using (server)
            {
                await output.WriteLineAsync(Banner(server));
                // Ctrl+C and SIGTERM end serving, not the process.
                await Interruption.WaitAsync(cancellationToken);
            }

            return ExitCodes.Succeeded;
        });
        return command;
    }

    public static string Banner(LocalApiServer server)
    {
        var routes = server.Routes.Select(r => $"  {r.HttpMethod,-6} {new Uri(server.BaseAddress, r.Path.TrimStart('/'))}  → lambda:{r.FunctionArn![(r.FunctionArn!.LastIndexOf(':') + 1)..]}");
        return string.Join(Environment.NewLine,
        [
            $"Serving the template's API on {server.BaseAddress} (Ctrl+C to stop):",
            .. routes,
            "Bodies are validated with statemachine/request.schema.json; AWS_IAM auth (SigV4) is not checked locally.",
            $"Local console: {new Uri(server.BaseAddress, "_console/")}",
        ]);
    }
}
