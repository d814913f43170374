using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.Graph;

/// <summary>Writes a state machine's picture to a file: SVG or PNG, by the file's extension.</summary>
public static class GraphFile
{
    /// <summary>Why <paramref name="path"/> cannot hold a picture (<c>field: reason. Fix: …</c>), or null when it can.</summary>
    public static string? Problem(string option, string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".svg" or ".png"
            ? null
            : $"{option}: '{path}' is neither .svg nor .png. Fix: name the picture out.svg or out.png.";

    public static async Task WriteAsync(StateMachineDefinition definition, ExecutionPath path, string title, string file, CancellationToken cancellationToken)
    {
        var svg = SvgGraphWriter.Write(StateGraphLayout.Lay(definition), path, title);
        if (Path.GetExtension(file).Equals(".png", StringComparison.OrdinalIgnoreCase))
        {
            await using var png = File.Create(file);
            PngGraphWriter.Write(svg, png);
        }
        else
        {
            await File.WriteAllTextAsync(file, svg, cancellationToken);
        }
    }
}
