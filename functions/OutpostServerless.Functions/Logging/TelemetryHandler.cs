using OutpostServerless.Functions.Errors;
using OutpostServerless.Functions.Handlers;

namespace OutpostServerless.Functions.Logging;

/// <summary>
/// The function's telemetry as a decorator around its handler: the invocation's log lines get the provisioning
/// the handler reads from its typed event, and one EMF line per invocation records the step's duration, cold
/// start, error type, retries and capacity wait, as the handler noted them (<see cref="InvocationNotes"/>).
/// </summary>
public sealed class TelemetryHandler(IFunctionHandler inner, FunctionTelemetry telemetry, TimeProvider time) : IFunctionHandler
{
    public async Task<string> HandleAsync(string payload, InvocationNotes notes, CancellationToken cancellationToken)
    {
        var observed = new InvocationNotes(telemetry.Context);
        var started = time.GetTimestamp();
        string? errorType = null;
        try
        {
            return await inner.HandleAsync(payload, observed, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // On Lambda the only cancellation during an invocation is its deadline.
            errorType = FunctionTimedOutException.ErrorType;
            throw;
        }
        catch (Exception failure)
        {
            errorType = FunctionError.From(failure).ErrorType;
            throw;
        }
        finally
        {
            var context = telemetry.Context;
            telemetry.Metrics.Write(new StepMetrics(
                context.FunctionName,
                context.Step,
                context.RequestId ?? "",
                observed.ProvisioningId,
                time.GetElapsedTime(started).TotalMilliseconds,
                context.ColdStart ?? false,
                errorType,
                observed.RetryCount,
                observed.CapacityWaitSeconds));
        }
    }

    /// <summary>Every handler of <paramref name="handlers"/>, built as it would be, then wrapped in telemetry.</summary>
    public static IReadOnlyDictionary<string, Func<IFunctionHandler>> Around(
        IReadOnlyDictionary<string, Func<IFunctionHandler>> handlers, FunctionTelemetry telemetry, TimeProvider time) =>
        handlers.ToDictionary(
            handler => handler.Key,
            handler => (Func<IFunctionHandler>)(() => new TelemetryHandler(handler.Value(), telemetry, time)),
            StringComparer.Ordinal);
}
