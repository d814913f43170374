using System.Text.Json.Nodes;
using OutpostServerless.Cli.Sam;
using OutpostServerless.Functions.Handlers;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Local;

/// <summary>
/// Invokes a Task state's Lambda function in this process: the function ARN leads to the template's
/// function, its Handler to the step. A function error reaches the engine as Lambda reports it to Step
/// Functions: the error is the errorType, the cause the error object as JSON.
/// </summary>
public sealed class InProcessLambdaInvoker(SamTemplate template, FunctionHost host) : ITaskInvoker
{
    public async Task<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        if (!template.TryFunctionByArn(invocation.Resource, out var function))
        {
            return TaskOutcome.Failure("Lambda.ResourceNotFoundException", $"Function not found: {invocation.Resource}");
        }

        var payload = invocation.Input?.ToJsonString() ?? "null";
        // The emulator attributes the calls the function makes to it (least-privilege tests).
        using var caller = OutpostServerless.Emulator.Calls.CallerScope.Enter(function.LogicalId);
        var result = await host.InvokeAsync(function.Handler, payload, cancellationToken);
        return result.Error is { } error
            ? TaskOutcome.FunctionError(error.ErrorType, error.ErrorMessage, error.StackTrace)
            : TaskOutcome.Success(JsonNode.Parse(result.Payload!));
    }
}
