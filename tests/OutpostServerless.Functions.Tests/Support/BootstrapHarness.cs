using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using OutpostServerless.Functions.Bootstrap;
using OutpostServerless.Functions.Handlers;
using OutpostServerless.Functions.Logging;
using OutpostServerless.Functions.RuntimeApi;
using OutpostServerless.Testing.Fakes;

namespace OutpostServerless.Functions.Tests.Support;

/// <summary>
/// The bootstrap loop wired as the real program wires it, but with a fake environment, a list for stdout and
/// handlers the test writes. The loop ends when the fake Runtime API runs out of events (it answers 500).
/// </summary>
internal sealed class BootstrapHarness
{
    public const string FunctionName = "EnsureVpcFunction";

    public BootstrapHarness(string handler = "EnsureVpc")
    {
        Handler = handler;
        Telemetry = FunctionTelemetry.Create(Sink, FunctionName, handler, TimeProvider.System, LogLevel.Debug);
    }

    public string Handler { get; }

    public FakeEnvironment Environment { get; } = new();

    public ListSink Sink { get; } = new();

    public InvocationClock StepClock { get; } = new(TimeProvider.System);

    public FunctionTelemetry Telemetry { get; }

    public Dictionary<string, Func<IFunctionHandler>> Handlers { get; } = new(StringComparer.Ordinal);

    public BootstrapHarness With(string name, Func<string, CancellationToken, Task<string>> handle)
    {
        Handlers[name] = () => new DelegateHandler(handle);
        return this;
    }

    /// <summary>A typed step under <paramref name="name"/>, run as the step handlers run theirs.</summary>
    public BootstrapHarness WithStep<TInput, TOutput>(string name, Func<TInput, TOutput> run, JsonTypeInfo<TInput> input, JsonTypeInfo<TOutput> output)
    {
        Handlers[name] = () => new StepHandler<TInput, TOutput>(new DelegateStep<TInput, TOutput>(run), input, output);
        return this;
    }

    /// <summary>The handlers wrapped in telemetry, as the real program wraps them.</summary>
    public Task<int> RunAsync(FakeRuntimeApi api) =>
        RunAsync(api, () => new FunctionHost(TelemetryHandler.Around(Handlers, Telemetry, TimeProvider.System), Telemetry.Loggers.CreateLogger<FunctionHost>()));

    public async Task<int> RunAsync(FakeRuntimeApi api, Func<FunctionHost> initialize)
    {
        // The settings are read as the real program reads them: from the environment Lambda (or the emulator) sets.
        Environment.SetVariable(LambdaVariables.RuntimeApi, api.Address);
        Environment.SetVariable(LambdaVariables.Handler, Handler);
        Environment.SetVariable(LambdaVariables.FunctionName, FunctionName);
        var settings = BootstrapSettings.From(Environment);
        using var client = new RuntimeApiClient(settings.RuntimeApi, settings.FollowsEmulatedTime);
        var bootstrap = new LambdaBootstrap(client, settings, Environment, StepClock, Telemetry, TimeProvider.System);
        return await bootstrap.RunAsync(initialize, CancellationToken.None);
    }
}
