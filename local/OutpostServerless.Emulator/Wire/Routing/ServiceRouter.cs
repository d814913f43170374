using OutpostServerless.Emulator.Wire.Http;
using OutpostServerless.Emulator.Wire.Protocols;
using OutpostServerless.Emulator.Wire.Signing;

namespace OutpostServerless.Emulator.Wire.Routing;

/// <summary>
/// Picks the front-end for a request on the one shared endpoint. The SigV4 credential scope names
/// the service (<c>…/us-west-2/ecs/aws4_request</c>); within it, or when the request is unsigned,
/// the request's shape decides: <c>X-Amz-Target</c> prefix, <c>Action</c> with its API
/// <c>Version</c>, or the REST path. A signed request for one of our services always reaches
/// that service, so even a malformed one is answered in the service's own error shape.
/// </summary>
internal sealed class ServiceRouter(IReadOnlyList<IWireFrontEnd> frontEnds)
{
    public IWireFrontEnd? Route(WireRequest request)
    {
        var service = AuthorizationHeader.ScopeService(request.Header(WireHeaders.Authorization));
        var candidates = frontEnds.Where(f => string.Equals(f.SigningName, service, StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0)
        {
            return frontEnds.FirstOrDefault(f => f.Accepts(request));
        }

        return candidates.FirstOrDefault(f => f.Accepts(request)) ?? candidates[0];
    }
}
