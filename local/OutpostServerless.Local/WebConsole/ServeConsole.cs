using System.Text;
using Microsoft.AspNetCore.Http;

namespace OutpostServerless.Local.WebConsole;

/// <summary><c>serve</c>'s console: the local API hands it <c>/_console/</c> before matching the template's routes.</summary>
internal static class ServeConsole
{
    public static async Task RespondAsync(LocalConsole console, HttpContext context, string path)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var answer = await console.HandleAsync(new ConsoleRequest(request.Method, path, query, body), context.RequestAborted);
        var response = context.Response;
        response.StatusCode = answer.Status;
        response.ContentType = answer.ContentType;
        response.Headers.CacheControl = "no-store";
        response.ContentLength = answer.Body.Length;
        await response.Body.WriteAsync(answer.Body, context.RequestAborted);
    }
}
