using SkiaSharp;
using Svg.Skia;

namespace OutpostServerless.Local.Graph;

/// <summary>The SVG picture rasterised as PNG by Svg.Skia (SkiaSharp), at twice its size for sharp text.</summary>
public static class PngGraphWriter
{
    private const float Scale = 2f;

    public static void Write(string svgText, Stream output)
    {
        using var svg = new SKSvg();
        if (svg.FromSvg(svgText) is null)
        {
            throw new InvalidOperationException("Svg.Skia could not read the SVG it was given.");
        }

        svg.Save(output, SKColors.White, SKEncodedImageFormat.Png, 100, Scale, Scale);
    }
}
