using System.Net.Mime;

namespace OutpostServerless.Local.WebConsole;

/// <summary>
/// The console's page, script and style, embedded in the assembly (WebConsole/Assets): the console works offline
/// and never asks the network for anything.
/// </summary>
public static class ConsoleAssets
{
    private const string Prefix = "console/";

    /// <summary>The asset named <paramref name="name"/> (index.html, console.js, console.css), or null.</summary>
    public static ConsoleResponse? Find(string name)
    {
        var contentType = Path.GetExtension(name) switch
        {
            ".html" => MediaTypeNames.Text.Html + "; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            _ => null,
        };
        using var stream = contentType is null ? null : typeof(ConsoleAssets).Assembly.GetManifestResourceStream(Prefix + name);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new ConsoleResponse(200, contentType!, copy.ToArray());
    }
}
