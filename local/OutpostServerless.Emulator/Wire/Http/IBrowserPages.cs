namespace OutpostServerless.Emulator.Wire.Http;

/// <summary>
/// Pages a browser reads from the endpoint (the CLI's local console at <c>/_console/</c>): a browser cannot sign
/// with SigV4, so the paths they claim are answered before routing and the signature check, and nothing else is.
/// </summary>
internal interface IBrowserPages
{
    /// <summary>Whether <paramref name="rawPath"/> is one of these pages' paths.</summary>
    bool Serves(string rawPath);

    Task<WireResponse> HandleAsync(WireRequest request, CancellationToken cancellationToken);
}
