using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using OutpostServerless.Aws.Client.Calls;
using OutpostServerless.Aws.Sdk;

namespace OutpostServerless.Aws.DynamoDb;

/// <summary>The SDK's DynamoDB client with every answered attempt shown to an <see cref="IAwsCallObserver"/> as <c>dynamodb:Operation</c>.</summary>
public sealed class ObservedDynamoDbClient : AmazonDynamoDBClient
{
    private readonly IAwsCallObserver _observer;

    public ObservedDynamoDbClient(AmazonDynamoDBConfig config, IAwsCallObserver observer)
        : base(config) => _observer = observer;

    public ObservedDynamoDbClient(AWSCredentials credentials, AmazonDynamoDBConfig config, IAwsCallObserver observer)
        : base(credentials, config) => _observer = observer;

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        base.CustomizeRuntimePipeline(pipeline);
        SdkCallObservingHandler.AddTo(pipeline, "dynamodb", () => _observer);
    }
}
