using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Functions.Errors;
using OutpostServerless.Functions.Logging;
using OutpostServerless.Functions.RuntimeApi;

namespace OutpostServerless.Functions.Bootstrap;

/// <summary>The <c>bootstrap</c> executable Lambda starts for a provided.al2023 function.</summary>
public static class Program
{
    public static async Task<int> Main()
    {
        var environment = new ProcessEnvironment();
        BootstrapSettings settings;
        try
        {
            settings = BootstrapSettings.From(environment);
        }
        catch (RuntimeSettingMissingException missing)
        {
            // Without the Runtime API there is no one to report to but a human.
            await Console.Error.WriteLineAsync(missing.Message);
            return BootstrapExitCodes.RuntimeApiFailed;
        }

        // Lambda sends SIGTERM before it shuts an environment down: finish quietly.
        using var stop = new CancellationTokenSource();
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });

        using var sink = new StandardOutputSink();
        var telemetry = FunctionTelemetry.Create(sink, settings.FunctionName, settings.Handler, TimeProvider.System,
            LambdaLogLevel.Parse(environment.GetVariable(LambdaVariables.LogLevel)), environment.GetVariable(LambdaVariables.ServiceName) ?? LogContext.DefaultService);
        var stepClock = new InvocationClock(TimeProvider.System);
        using var composition = new FunctionComposition(environment, stepClock, telemetry);
        using var runtimeApi = new RuntimeApiClient(settings.RuntimeApi, settings.FollowsEmulatedTime);
        var bootstrap = new LambdaBootstrap(runtimeApi, settings, environment, stepClock, telemetry, TimeProvider.System);
        return await bootstrap.RunAsync(composition.Build, stop.Token);
    }
}
