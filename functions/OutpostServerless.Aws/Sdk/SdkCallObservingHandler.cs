using Amazon.Runtime;
using Amazon.Runtime.Internal;
using OutpostServerless.Aws.Client.Calls;

namespace OutpostServerless.Aws.Sdk;

/// <summary>
/// A step of an AWSSDK client's request pipeline that reports each answered attempt as
/// <c>{service}:Operation</c>, named after the SDK's request type (<c>RunInstancesRequest</c> →
/// <c>ec2:RunInstances</c>), as our protocol clients report theirs. It sits inside the SDK's retry
/// loop, right outside the handler that turns an error answer into an exception.
/// </summary>
internal sealed class SdkCallObservingHandler(string service, Func<IAwsCallObserver> observer) : PipelineHandler
{
    public override void InvokeSync(IExecutionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        try
        {
            base.InvokeSync(executionContext);
        }
        catch (AmazonServiceException error) when (Answered(error))
        {
            Report(executionContext, error);
            throw;
        }

        Report(executionContext, error: null);
    }

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        T response;
        try
        {
            response = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
        }
        catch (AmazonServiceException error) when (Answered(error))
        {
            Report(executionContext, error);
            throw;
        }

        Report(executionContext, error: null);
        return response;
    }

    /// <summary>Adds the observer to <paramref name="pipeline"/>; the observer is read late, as a client's base constructor builds the pipeline before its fields are set.</summary>
    public static void AddTo(RuntimePipeline pipeline, string service, Func<IAwsCallObserver> observer) =>
        pipeline.AddHandlerBefore<ErrorHandler>(new SdkCallObservingHandler(service, observer));

    // An exception with an HTTP status came from an answer; one without (connection refused) did not.
    private static bool Answered(AmazonServiceException error) => error.StatusCode != 0;

    private void Report(IExecutionContext context, AmazonServiceException? error)
    {
        var name = context.RequestContext.RequestName;
        if (name.EndsWith("Request", StringComparison.Ordinal))
        {
            name = name[..^"Request".Length];
        }

        var status = error?.StatusCode ?? context.ResponseContext.HttpResponse?.StatusCode ?? System.Net.HttpStatusCode.OK;
        var code = error is null ? null : error.ErrorCode ?? error.StatusCode.ToString();
        observer().OnAnswered(new AwsCall($"{service}:{name}", status, code));
    }
}
