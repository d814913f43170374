using OutpostServerless.Aws.StepFunctions;
using OutpostServerless.Aws.Client.Endpoints;

namespace OutpostServerless.Aws;

/// <summary>
/// The ports over the real clients, with what they own (the HTTP connection pool and the SDK's
/// EC2, DynamoDB and SSM clients, once built): keep one for as long as the ports are used, then dispose it.
/// </summary>
public sealed class AwsClients(AwsPorts ports, string region, IReadOnlyDictionary<string, ServiceEndpoint> endpoints, HttpClient http, IReadOnlyList<IDisposable> sdkClients, StepFunctionsClient stepFunctions) : IDisposable
{
    public AwsPorts Ports { get; } = ports;

    /// <summary>Step Functions, for the provisionings API (the steps never start executions).</summary>
    public IStepFunctions StepFunctions { get; } = stepFunctions;

    /// <summary>The same client, for ending parked tasks (the capacity wake-up).</summary>
    public ITaskCallbacks TaskCallbacks { get; } = stepFunctions;

    public string Region { get; } = region;

    /// <summary>The resolved endpoint of each service, by signing name (<c>ec2</c>, <c>ecs</c>, <c>iam</c>, <c>outposts</c>, <c>monitoring</c>, <c>ssm</c>, <c>dynamodb</c>, <c>states</c>).</summary>
    public IReadOnlyDictionary<string, ServiceEndpoint> Endpoints { get; } = endpoints;

    public void Dispose()
    {
        http.Dispose();
        foreach (var client in sdkClients)
        {
            client.Dispose();
        }
    }
}
