using System.Text;
using System.Web;
using OutpostServerless.Emulator.Wire.Http;

namespace OutpostServerless.Local.WebConsole;

/// <summary><c>emulator serve</c>'s console: the emulator's server hands it <c>/_console/</c> before the SigV4 check, which a browser cannot pass.</summary>
internal sealed class EmulatorConsolePages(LocalConsole console) : IBrowserPages
{
    public bool Serves(string rawPath) => LocalConsole.Serves(Uri.UnescapeDataString(rawPath));

    public async Task<WireResponse> HandleAsync(WireRequest request, CancellationToken cancellationToken)
    {
        var query = HttpUtility.ParseQueryString(request.RawQuery);
        var response = await console.HandleAsync(
            new ConsoleRequest(
                request.Method,
                Uri.UnescapeDataString(request.RawPath),
                query.AllKeys.OfType<string>().ToDictionary(k => k, k => query[k] ?? string.Empty, StringComparer.Ordinal),
                Encoding.UTF8.GetString(request.Body.Span)),
            cancellationToken);
        return new WireResponse(response.Status, response.ContentType, response.Body)
        {
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Cache-Control"] = "no-store" },
        };
    }
}
