using System.Net;
using Amazon.EC2;
using Amazon.Runtime;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Emulator.Wire.Http;
using OutpostServerless.Emulator.Wire.Protocols;
using OutpostServerless.Emulator.Wire.Routing;
using OutpostServerless.Emulator.Wire.Signing;

namespace OutpostServerless.Emulator.Wire;

/// <summary>
/// One request, start to end: route it to a front-end, verify its signature (a rejected request
/// never reaches the world and is not counted), let the front-end call the port, and turn any
/// AWS error into the front-end's error shape.
/// </summary>
internal sealed class WireDispatcher
{
    private readonly ServiceRouter _router;
    private readonly SigV4Verifier _verifier;
    private readonly string _services;

    public WireDispatcher(IReadOnlyList<IWireFrontEnd> frontEnds, SigV4Verifier verifier)
    {
        _router = new ServiceRouter(frontEnds);
        _verifier = verifier;
        _services = string.Join(", ", frontEnds.Select(f => f.SigningName).Distinct(StringComparer.Ordinal));
    }

    public async Task<WireResponse> HandleAsync(WireRequest request, CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid().ToString();
        var frontEnd = _router.Route(request);
        if (frontEnd is null)
        {
            return AwsJsonProtocol.Error(
                new AwsServiceError("unknown", "UnknownOperationException", $"No emulated service ({_services}) recognises this request.", HttpStatusCode.NotFound),
                "1.1",
                requestId);
        }

        if (_verifier.Verify(request) is { } failure)
        {
            return frontEnd.Error(SignatureErrors.For(frontEnd.Protocol, frontEnd.SigningName, failure), requestId);
        }

        try
        {
            return await frontEnd.HandleAsync(request, requestId, cancellationToken);
        }
        catch (AmazonServiceException error)
        {
            return frontEnd.Error(error, requestId);
        }
        catch (Exception bug) when (bug is not OperationCanceledException)
        {
            // An emulator defect still answers as AWS does for a server fault, with the cause in the message.
            return frontEnd.Error(InternalError(frontEnd, bug), requestId);
        }
    }

    private static AmazonServiceException InternalError(IWireFrontEnd frontEnd, Exception bug) => frontEnd.Protocol == WireProtocol.Ec2Query
        ? new AmazonEC2Exception($"An internal error has occurred: {bug.Message}", ErrorType.Receiver, "InternalError", string.Empty, HttpStatusCode.InternalServerError)
        : new AwsServiceError(frontEnd.SigningName, "InternalFailure", $"An internal error has occurred: {bug.Message}", HttpStatusCode.InternalServerError);
}
