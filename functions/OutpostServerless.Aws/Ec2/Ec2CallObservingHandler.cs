using Amazon.Runtime;
using Amazon.Runtime.Internal;
using OutpostServerless.Aws.Client.Calls;

namespace OutpostServerless.Aws.Ec2;

/// <summary>
/// A step of the SDK's request pipeline that reports each answered attempt as <c>ec2:Operation</c>,
/// named after the SDK's request type (<c>RunInstancesRequest</c> → <c>ec2:RunInstances</c>).
/// </summary>
internal sealed class Ec2CallObservingHandler(Func<IAwsCallObserver> observer) : PipelineHandler
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
        observer().OnAnswered(new AwsCall($"ec2:{name}", status, code));
    }
}
