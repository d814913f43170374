using System.Net;
using System.Text;

namespace OutpostServerless.Cli.WebConsole;

/// <summary><c>serve</c>'s console: its <see cref="HttpListener"/> hands it <c>/_console/</c> before matching the template's routes.</summary>
internal static class HttpListenerConsole
{
    public static async Task RespondAsync(LocalConsole console, HttpListenerContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(cancellationToken);
        }

        var query = request.QueryString.AllKeys.OfType<string>().ToDictionary(k => k, k => request.QueryString[k] ?? string.Empty, StringComparer.Ordinal);
        var answer = await console.HandleAsync(new ConsoleRequest(request.HttpMethod, request.Url?.AbsolutePath ?? "/", query, body), cancellationToken);
        var response = context.Response;
        response.StatusCode = answer.Status;
        response.ContentType = answer.ContentType;
        response.Headers["Cache-Control"] = "no-store";
        response.ContentLength64 = answer.Body.Length;
        await response.OutputStream.WriteAsync(answer.Body, cancellationToken);
        response.Close();
    }
}
