using System.CommandLine;
using OutpostServerless.Cli.Hosting;
using OutpostServerless.Cli.Run;
using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Emulator.Wire;
using OutpostServerless.Local;
using OutpostServerless.Local.StateFiles;
using OutpostServerless.Local.WebConsole;

namespace OutpostServerless.Cli.Emulator;

/// <summary>
/// <c>emulator serve</c>: the emulated Region and Outpost as one AWS endpoint on 127.0.0.1, for the
/// AWS CLI, the SDKs or <c>run --aws-endpoint</c>. The world's clock is real time here
/// (<see cref="TimeProvider.System"/>): instances boot and metrics publish as the wall clock moves.
/// </summary>
public static class EmulatorCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0: any free port).", DefaultValueFactory = _ => 4566 };
        var stateFile = new Option<FileInfo?>("--state-file") { Description = "Load the emulated world from this JSON file if it exists, and save it there on exit." };
        var accessKey = new Option<string>("--access-key") { Description = "The only access key id accepted.", DefaultValueFactory = _ => "test" };
        var secretKey = new Option<string>("--secret-key") { Description = "Its secret access key: every request's SigV4 signature is verified with it.", DefaultValueFactory = _ => "test" };
        var serve = new Command("serve", "Serve EC2, ECS, IAM, Outposts, CloudWatch, SSM and DynamoDB, and the template's Step Functions state machines, each in its AWS protocol, until Ctrl+C.")
        {
            port, stateFile, accessKey, secretKey,
        };
        serve.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(stateFile);
            var portNumber = parse.GetValue(port);
            if (portNumber is < 0 or > 65535)
            {
                await error.WriteLineAsync($"--port {portNumber} is not a TCP port (0-65535).");
                return ExitCodes.BadInput;
            }

            // Held for as long as it serves: a run on the same file meanwhile would be overwritten on exit.
            StateFile? world = null;
            try
            {
                world = file is null ? null : await StateFile.OpenAsync(file.FullName, "emulator serve", cancellationToken);
            }
            catch (StateFileException unusable)
            {
                await error.WriteLineAsync($"Cannot serve: {unusable.Message}");
                return ExitCodes.BadInput;
            }

            await using var held = world;
            var cloud = world?.Load(TimeProvider.System) ?? new EmulatedCloud(TimeProvider.System);
            // The Region as the stack left it: the template's tables (the provisioning records), state machines,
            // functions and rules, when a template is here.
            SamTemplate? template;
            try
            {
                template = SamTemplate.Load(TemplateLocator.Find(null), new SamEnvironment("us-west-2", "123456789012"));
            }
            catch (SamTemplateException)
            {
                template = null; // No template.yaml here or above: an emulated Region without the stack.
            }

            // Executions run on the world's clock, real time here, as they would on AWS; the world is saved on exit, not after each.
            await using var services = template is null ? null : new ProductServices(template, cloud, TimeProvider.System);
            var options = new EmulatorServerOptions { Port = portNumber, AccessKeyId = parse.GetValue(accessKey)!, SecretAccessKey = parse.GetValue(secretKey)! };
            EmulatorServer server;
            try
            {
                server = await EmulatorServer.StartAsync(cloud, options, services?.FrontEnds ?? [], cancellationToken, services is null ? null : new EmulatorConsolePages(services.Console));
            }
            catch (IOException busy)
            {
                await error.WriteLineAsync($"Cannot listen on 127.0.0.1:{portNumber}: {busy.Message}");
                return ExitCodes.BadInput;
            }

            await using (server)
            {
                await output.WriteLineAsync(ServeBanner.Text(server, options, template));
                if (services is not null)
                {
                    await output.WriteLineAsync($"Local console: {server.BaseUrl}_console/");
                }
                // Ctrl+C and SIGTERM end serving, not the process.
                await Interruption.WaitAsync(cancellationToken);
            }

            if (services is not null)
            {
                await services.DisposeAsync();
            }

            if (world is not null)
            {
                await world.SaveAsync(cloud, CancellationToken.None);
                await output.WriteLineAsync($"Saved the emulated world to {world.Path}.");
            }

            return ExitCodes.Succeeded;
        });

        return new Command("emulator", "The offline emulated Region and Outpost, served as AWS endpoints.") { serve };
    }
}
