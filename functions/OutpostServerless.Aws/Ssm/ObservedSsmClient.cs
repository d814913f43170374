using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.SimpleSystemsManagement;
using OutpostServerless.Aws.Client.Calls;
using OutpostServerless.Aws.Sdk;

namespace OutpostServerless.Aws.Ssm;

/// <summary>The SDK's SSM client with every answered attempt shown to an <see cref="IAwsCallObserver"/> as <c>ssm:Operation</c>.</summary>
public sealed class ObservedSsmClient : AmazonSimpleSystemsManagementClient
{
    private readonly IAwsCallObserver _observer;

    public ObservedSsmClient(AmazonSimpleSystemsManagementConfig config, IAwsCallObserver observer)
        : base(config) => _observer = observer;

    public ObservedSsmClient(AWSCredentials credentials, AmazonSimpleSystemsManagementConfig config, IAwsCallObserver observer)
        : base(credentials, config) => _observer = observer;

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        base.CustomizeRuntimePipeline(pipeline);
        SdkCallObservingHandler.AddTo(pipeline, "ssm", () => _observer);
    }
}
