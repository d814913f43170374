using Amazon.Runtime;
using OutpostServerless.Emulator.Wire.Http;

namespace OutpostServerless.Emulator.Wire.Protocols;

/// <summary>One service spoken in one protocol: parses requests into port calls and answers in that protocol's shape.</summary>
internal interface IWireFrontEnd
{
    /// <summary>The SigV4 signing name: <c>ec2</c>, <c>ecs</c>, <c>iam</c>, <c>outposts</c>, <c>monitoring</c>, <c>ssm</c>.</summary>
    string SigningName { get; }

    WireProtocol Protocol { get; }

    /// <summary>Whether the request is shaped for this front-end (its target prefix, action version or path).</summary>
    bool Accepts(WireRequest request);

    Task<WireResponse> HandleAsync(WireRequest request, string requestId, CancellationToken cancellationToken);

    /// <summary>An AWS error in this protocol's error shape, with the error's HTTP status.</summary>
    WireResponse Error(AmazonServiceException error, string requestId);
}
