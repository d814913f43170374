using OutpostServerless.Aws.Client.Endpoints;
using Microsoft.Extensions.Logging;
using OutpostServerless.Functions.Errors;
using OutpostServerless.Functions.Handlers;
using OutpostServerless.Functions.Logging;
using OutpostServerless.Functions.RuntimeApi;

namespace OutpostServerless.Functions.Bootstrap;

/// <summary>
/// The custom runtime's loop, as Lambda documents it: initialize (on failure post an init error and exit),
/// then forever fetch the next event, export its trace id as <c>_X_AMZN_TRACE_ID</c>, run the handler under
/// a token cancelled at the event's deadline, and post the response or the function error.
/// </summary>
public sealed class LambdaBootstrap(
    RuntimeApiClient runtimeApi,
    BootstrapSettings settings,
    IEnvironment environment,
    InvocationClock stepClock,
    FunctionTelemetry telemetry,
    TimeProvider time)
{
    private readonly ILogger _log = telemetry.Loggers.CreateLogger<LambdaBootstrap>();

    /// <summary>Runs until stopped or the Runtime API fails; returns the process exit code (<see cref="BootstrapExitCodes"/>).</summary>
    /// <param name="initialize">Builds the handler table; anything it or building the configured handler throws becomes the init error.</param>
    public async Task<int> RunAsync(Func<FunctionHost> initialize, CancellationToken cancellationToken)
    {
        var host = await InitializeAsync(initialize, cancellationToken);
        if (host is null)
        {
            return BootstrapExitCodes.InitError;
        }

        var coldStart = true;
        while (true)
        {
            Invocation invocation;
            try
            {
                invocation = await runtimeApi.NextAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return BootstrapExitCodes.Stopped;
            }
            catch (Exception unreachable) when (unreachable is RuntimeApiException or HttpRequestException)
            {
                _log.LogError(unreachable, "Cannot fetch the next event: {Reason}", unreachable.Message);
                return BootstrapExitCodes.RuntimeApiFailed;
            }

            try
            {
                if (!await ServeAsync(host, invocation, coldStart, cancellationToken))
                {
                    return BootstrapExitCodes.RuntimeApiFailed;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return BootstrapExitCodes.Stopped;
            }

            coldStart = false;
        }
    }

    private async Task<FunctionHost?> InitializeAsync(Func<FunctionHost> initialize, CancellationToken cancellationToken)
    {
        try
        {
            var host = initialize();
            host.Prepare(settings.Handler);
            return host;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            var error = FunctionError.From(failure);
            _log.LogCritical(failure, "Initialization failed with {ErrorType}: {ErrorMessage}", error.ErrorType, error.ErrorMessage);
            try
            {
                await runtimeApi.ReportInitErrorAsync(error, cancellationToken);
            }
            catch (Exception unreported) when (unreported is RuntimeApiException or HttpRequestException)
            {
                _log.LogError(unreported, "The init error could not be reported: {Reason}", unreported.Message);
            }

            return null;
        }
    }

    /// <returns>False when the runtime must exit: the Runtime API is gone or answered with a container error.</returns>
    private async Task<bool> ServeAsync(FunctionHost host, Invocation invocation, bool coldStart, CancellationToken cancellationToken)
    {
        environment.SetVariable(LambdaVariables.TraceId, invocation.TraceId);
        stepClock.Pin(invocation.EmulatedTime);
        telemetry.Context.Begin(invocation.RequestId, invocation.TraceId, coldStart);
        try
        {
            var result = await InvokeAsync(host, invocation, cancellationToken);
            if (result.Error is { } error)
            {
                _log.LogError("Invocation failed with {ErrorType}: {ErrorMessage}", error.ErrorType, error.ErrorMessage);
                await runtimeApi.ReportErrorAsync(invocation.RequestId, error, cancellationToken);
            }
            else
            {
                await runtimeApi.RespondAsync(invocation.RequestId, result.Payload!, cancellationToken);
            }

            return true;
        }
        catch (RuntimeApiException rejected) when (!rejected.MustExit)
        {
            // e.g. 413: Lambda has already failed the invocation; the runtime can take the next one.
            _log.LogError(rejected, "The Runtime API refused the result: {Reason}", rejected.Message);
            return true;
        }
        catch (Exception gone) when (gone is RuntimeApiException or HttpRequestException)
        {
            _log.LogError(gone, "Cannot post the result: {Reason}", gone.Message);
            return false;
        }
        finally
        {
            telemetry.Context.End();
            stepClock.Pin(null);
        }
    }

    private async Task<FunctionResult> InvokeAsync(FunctionHost host, Invocation invocation, CancellationToken cancellationToken)
    {
        var remaining = invocation.Deadline is { } deadline ? deadline - time.GetUtcNow() : Timeout.InfiniteTimeSpan;
        using var deadlineSource = remaining == Timeout.InfiniteTimeSpan
            ? new CancellationTokenSource()
            : new CancellationTokenSource(Clamp(remaining), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadlineSource.Token, cancellationToken);
        try
        {
            return await host.InvokeAsync(settings.Handler, invocation.Payload, linked.Token);
        }
        catch (OperationCanceledException) when (deadlineSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return FunctionResult.Failure(FunctionError.From(new FunctionTimedOutException(invocation.RequestId, remaining)));
        }
    }

    private static TimeSpan Clamp(TimeSpan remaining) =>
        remaining <= TimeSpan.Zero ? TimeSpan.Zero
        : remaining > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1)
        : remaining;
}
