using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using OutpostServerless.Aws.Client.Calls;
using OutpostServerless.Aws.Sdk;

namespace OutpostServerless.Aws.Ec2;

/// <summary>
/// The SDK's EC2 client with every answered attempt shown to an <see cref="IAwsCallObserver"/>, as our
/// protocol clients show theirs: the observer sits inside the SDK's retry loop, right outside the
/// handler that turns an error answer into an exception, so it sees each attempt the service answered.
/// </summary>
public sealed class ObservedEc2Client : AmazonEC2Client
{
    private readonly IAwsCallObserver _observer;

    public ObservedEc2Client(AmazonEC2Config config, IAwsCallObserver observer)
        : base(config) => _observer = observer;

    public ObservedEc2Client(AWSCredentials credentials, AmazonEC2Config config, IAwsCallObserver observer)
        : base(credentials, config) => _observer = observer;

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        base.CustomizeRuntimePipeline(pipeline);
        SdkCallObservingHandler.AddTo(pipeline, "ec2", () => _observer);
    }
}
