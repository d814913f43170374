using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Lambda;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Emulator.Wire;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.Workflow;

/// <summary>
/// Invokes a Task state's Lambda function as Lambda does: the template's function, run by its real
/// <c>bootstrap</c> process on the emulator's Runtime API, reaching AWS (the emulated world) over HTTP at
/// the emulator's wire endpoint. A function error reaches the engine as Lambda reports it to Step
/// Functions, exactly as <see cref="InProcessLambdaInvoker"/> reports it.
/// </summary>
public sealed class ProcessLambdaInvoker : ITaskInvoker, IAsyncDisposable
{
    private readonly SamTemplate _template;
    private readonly EmulatorServer? _wire;

    /// <summary>Invokes through <paramref name="lambda"/>, whose functions are named by the template's logical ids.</summary>
    public ProcessLambdaInvoker(SamTemplate template, LambdaService lambda)
        : this(template, lambda, wire: null)
    {
    }

    private ProcessLambdaInvoker(SamTemplate template, LambdaService lambda, EmulatorServer? wire)
    {
        _template = template;
        _wire = wire;
        Lambda = lambda;
    }

    public LambdaService Lambda { get; }

    /// <summary>
    /// Serves <paramref name="cloud"/> on a wire endpoint and starts a Lambda service whose functions are the
    /// template's, each running <paramref name="bootstrap"/> with the world's clock; dispose to stop both.
    /// </summary>
    public static async Task<ProcessLambdaInvoker> StartAsync(
        SamTemplate template, EmulatedCloud cloud, string bootstrap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(cloud);
        var command = BootstrapCommand.For(bootstrap);
        var credentials = EmulatorServerOptions.Default;
        var wire = await EmulatorServer.StartAsync(cloud, credentials, cancellationToken);
        var lambda = new LambdaService(new LambdaServiceOptions
        {
            Region = cloud.Options.Region,
            AccountId = cloud.Options.AccountId,
            AccessKeyId = credentials.AccessKeyId,
            SecretAccessKey = credentials.SecretAccessKey,
            EndpointUrl = wire.BaseUrl,
            // The engine's virtual clock: the functions read the world's time, not the machine's.
            EmulatedClock = cloud.Clock,
        });
        foreach (var function in template.Functions.Values)
        {
            lambda.AddFunction(new LambdaFunctionConfiguration(function.LogicalId, function.Handler, command, TimeSpan.FromSeconds(function.TimeoutSeconds), function.MemorySize, function.Variables));
        }

        return new ProcessLambdaInvoker(template, lambda, wire);
    }

    /// <summary>The bootstrap built beside this program (a project reference copies it): the apphost, else the managed dll.</summary>
    public static string DefaultBootstrap()
    {
        var apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "bootstrap.exe" : "bootstrap");
        return File.Exists(apphost) ? apphost : Path.Combine(AppContext.BaseDirectory, "bootstrap.dll");
    }

    public async Task<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var target = LambdaInvokeTarget.Of(invocation);
        if (!_template.TryFunctionByName(target.FunctionArn, out var function))
        {
            return TaskOutcome.Failure("Lambda.ResourceNotFoundException", $"Function not found: {target.FunctionArn}");
        }

        var payload = target.Payload?.ToJsonString() ?? "null";
        LambdaInvocationResult result;
        try
        {
            result = await Lambda.InvokeAsync(function.LogicalId, payload, cancellationToken);
        }
        catch (LambdaFunctionNotFoundException missing)
        {
            return TaskOutcome.Failure("Lambda.ResourceNotFoundException", missing.Message);
        }

        if (result.Error is { } error)
        {
            return TaskOutcome.FunctionError(error.ErrorType, error.ErrorMessage, error.StackTrace);
        }

        try
        {
            return TaskOutcome.Success(JsonNode.Parse(result.Payload!));
        }
        catch (JsonException notJson)
        {
            return TaskOutcome.Failure("States.Runtime", $"The response of {function.LogicalId} is not JSON: {notJson.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Lambda.DisposeAsync();
        if (_wire is not null)
        {
            await _wire.DisposeAsync();
        }
    }
}
