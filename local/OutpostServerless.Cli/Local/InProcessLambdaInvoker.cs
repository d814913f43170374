using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using OutpostServerless.Aws;
using OutpostServerless.Aws.StepFunctions;
using OutpostServerless.Cli.Sam;
using OutpostServerless.Emulator.Calls;
using OutpostServerless.Functions.Handlers;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Local;

/// <summary>
/// Invokes a Task state's Lambda function in this process: the function ARN leads to the template's
/// function, its Handler to the step, its environment (Globals included) to the step settings, as on
/// Lambda. A function error reaches the engine as Lambda reports it to Step Functions: the error is the
/// errorType, the cause the error object as JSON. <paramref name="stepFunctions"/> is what the provisionings API
/// function starts executions with, <paramref name="taskCallbacks"/> what the capacity wake-up ends parked tasks with
/// (the steps use neither).
/// </summary>
public sealed class InProcessLambdaInvoker(SamTemplate template, AwsPorts aws, TimeProvider clock, IStepFunctions? stepFunctions = null, ITaskCallbacks? taskCallbacks = null) : ITaskInvoker
{
    private readonly ConcurrentDictionary<string, FunctionHost> hosts = new(StringComparer.Ordinal);

    public async Task<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        var target = LambdaInvokeTarget.Of(invocation);
        if (!template.TryFunctionByArn(target.FunctionArn, out var function))
        {
            return TaskOutcome.Failure("Lambda.ResourceNotFoundException", $"Function not found: {target.FunctionArn}");
        }

        var payload = target.Payload?.ToJsonString() ?? "null";
        // The emulator attributes the calls the function makes to it (least-privilege tests).
        using var caller = CallerScope.Enter(function.LogicalId);
        var result = await hosts.GetOrAdd(function.LogicalId, _ => HostFor(function)).InvokeAsync(function.Handler, payload, cancellationToken);
        return result.Error is { } error
            ? TaskOutcome.FunctionError(error.ErrorType, error.ErrorMessage, error.StackTrace)
            : TaskOutcome.Success(JsonNode.Parse(result.Payload!));
    }

    private FunctionHost HostFor(SamFunction function) => new(
        StepHandlers.Create(aws, clock, NullLoggerFactory.Instance, StepSettings.From(function.Variables.GetValueOrDefault), stepFunctions, taskCallbacks),
        NullLogger<FunctionHost>.Instance);
}
