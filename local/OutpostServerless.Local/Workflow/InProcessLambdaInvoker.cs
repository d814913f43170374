using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OutpostServerless.Aws;
using OutpostServerless.Aws.StepFunctions;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Functions.Handlers;
using OutpostServerless.Functions.Logging;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.Workflow;

/// <summary>
/// Invokes a Task state's Lambda function in this process: the function ARN leads to the template's
/// function, its Handler to the step, its environment (Globals included) to the step settings, as on
/// Lambda. A function error reaches the engine as Lambda reports it to Step Functions: the error is the
/// errorType, the cause the error object as JSON. <paramref name="portsFor"/> gives each function (by logical id) the
/// ports it calls AWS through, so the emulator can attribute every call to its caller (<c>EmulatedCloud.PortsFor</c>);
/// <paramref name="stepFunctions"/> is what the provisionings API function starts executions with,
/// <paramref name="taskCallbacks"/> what the capacity wake-up ends parked tasks with (the steps use neither); each is
/// bound to the calling function too when it records its callers (<see cref="IAttributesCalls{T}"/>).
/// </summary>
public sealed class InProcessLambdaInvoker(
    SamTemplate template, Func<string, AwsPorts> portsFor, TimeProvider clock, IStepFunctions? stepFunctions = null, ITaskCallbacks? taskCallbacks = null) : ITaskInvoker
{
    private readonly ConcurrentDictionary<string, FunctionHost> hosts = new(StringComparer.Ordinal);

    public async Task<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        var target = LambdaInvokeTarget.Of(invocation);
        if (!template.TryFunctionByName(target.FunctionArn, out var function))
        {
            return TaskOutcome.Failure("Lambda.ResourceNotFoundException", $"Function not found: {target.FunctionArn}");
        }

        var result = await InvokeFunctionAsync(function, target.Payload?.ToJsonString() ?? "null", logs: null, cancellationToken);
        return result.Error is { } error
            ? TaskOutcome.FunctionError(error.ErrorType, error.ErrorMessage, error.StackTrace)
            : TaskOutcome.Success(JsonNode.Parse(result.Payload!));
    }

    /// <summary>
    /// One invocation of the template's <paramref name="function"/> with <paramref name="payload"/> (JSON text), as
    /// Lambda runs it; its log lines (one JSON object each, as on Lambda) go to <paramref name="logs"/> when given.
    /// </summary>
    public async Task<FunctionResult> InvokeFunctionAsync(SamFunction function, string payload, ILogSink? logs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        var host = logs is null
            ? hosts.GetOrAdd(function.LogicalId, _ => HostFor(function, NullLoggerFactory.Instance))
            // Lines of this invocation only: a host of its own, logging to its sink.
            : HostFor(function, FunctionTelemetry.Create(logs, function.LogicalId, function.Handler, TimeProvider.System).Loggers);
        return await host.InvokeAsync(function.Handler, payload, cancellationToken);
    }

    private FunctionHost HostFor(SamFunction function, ILoggerFactory loggers) => new(
        StepHandlers.Create(
            portsFor(function.LogicalId),
            clock,
            loggers,
            StepSettings.From(function.Variables.GetValueOrDefault),
            BoundTo(function.LogicalId, stepFunctions),
            BoundTo(function.LogicalId, taskCallbacks)),
        loggers.CreateLogger<FunctionHost>());

    private static T? BoundTo<T>(string caller, T? service) where T : class =>
        service is IAttributesCalls<T> attributed ? attributed.For(caller) : service;
}
