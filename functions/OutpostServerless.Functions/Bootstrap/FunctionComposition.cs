using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Functions.Handlers;
using OutpostServerless.Functions.Logging;

namespace OutpostServerless.Functions.Bootstrap;

/// <summary>
/// The composition root of a deployed function: the handler table over the real AWS clients, configured the
/// way the AWS SDKs read a Lambda environment (<c>AWS_REGION</c>, <c>AWS_ENDPOINT_URL</c>[<c>_&lt;SERVICE&gt;</c>],
/// the credentials Lambda exports). Requests are signed with real time; the steps read
/// <paramref name="stepClock"/>, which is the emulated world's time under the local emulator.
/// </summary>
public sealed class FunctionComposition(IEnvironment environment, InvocationClock stepClock, FunctionTelemetry telemetry) : IDisposable
{
    private AwsClients? _clients;

    public FunctionHost Build()
    {
        _clients = AwsPortsFactory.Create(new AwsClientOptions { Environment = environment });
        var settings = StepSettings.From(environment.GetVariable);
        var handlers = StepHandlers.Create(_clients.Ports, stepClock, telemetry.Loggers, settings, _clients.StepFunctions, _clients.TaskCallbacks);
        return new FunctionHost(TelemetryHandler.Around(handlers, telemetry, TimeProvider.System), telemetry.Loggers.CreateLogger<FunctionHost>());
    }

    public void Dispose() => _clients?.Dispose();
}
