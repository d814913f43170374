using System.Globalization;
using System.Text.Json.Nodes;

namespace OutpostServerless.Cli.Bench;

/// <summary>The benchmark's answer: both variants' figures, the speed-up, and the targets it meets.</summary>
public sealed record ColdStartReport(ColdStartStatistics Aot, ColdStartStatistics Jit)
{
    public const double TargetMedianMilliseconds = 30;
    public const double TargetPeakResidentMegabytes = 40;
    public const double TargetSpeedup = 5;

    /// <summary>How many times faster the AOT bootstrap's median start is.</summary>
    public double Speedup => Jit.MedianMilliseconds / Aot.MedianMilliseconds;

    public bool MeetsMedian => Aot.MedianMilliseconds <= TargetMedianMilliseconds;

    public bool MeetsMemory => Aot.MaxPeakResidentMegabytes is { } peak && peak <= TargetPeakResidentMegabytes;

    public bool MeetsSpeedup => Speedup >= TargetSpeedup;

    public void WriteText(TextWriter output)
    {
        output.WriteLine($"Cold start of the bootstrap ({ColdStartBenchmark.Handler}): process start -> first response on the Runtime API, {Aot.Starts} starts each.");
        output.WriteLine($"{"",-22}{"median",10}{"p99",10}{"min",10}{"max",10}{"peak RSS",12}");
        foreach (var variant in new[] { Aot, Jit })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{variant.Variant,-22}{variant.MedianMilliseconds,7:0.0} ms{variant.P99Milliseconds,7:0.0} ms{variant.MinMilliseconds,7:0.0} ms{variant.MaxMilliseconds,7:0.0} ms{Megabytes(variant.MaxPeakResidentMegabytes),12}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Native AOT starts {Speedup:0.0}x faster (median)."));
        output.WriteLine($"Targets: median <= {TargetMedianMilliseconds} ms {Verdict(MeetsMedian)}; peak RSS <= {TargetPeakResidentMegabytes} MB {Verdict(MeetsMemory)}; >= {TargetSpeedup}x faster than JIT {Verdict(MeetsSpeedup)}.");
    }

    public string ToJson() => new JsonObject
    {
        ["handler"] = ColdStartBenchmark.Handler,
        ["starts"] = Aot.Starts,
        ["aot"] = Figures(Aot),
        ["jit"] = Figures(Jit),
        ["speedup"] = Math.Round(Speedup, 2),
        ["targets"] = new JsonObject { ["median"] = MeetsMedian, ["peakRss"] = MeetsMemory, ["speedup"] = MeetsSpeedup },
    }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

    private static JsonObject Figures(ColdStartStatistics figures) => new()
    {
        ["medianMs"] = Math.Round(figures.MedianMilliseconds, 2),
        ["p99Ms"] = Math.Round(figures.P99Milliseconds, 2),
        ["minMs"] = Math.Round(figures.MinMilliseconds, 2),
        ["maxMs"] = Math.Round(figures.MaxMilliseconds, 2),
        ["peakRssMb"] = figures.MaxPeakResidentMegabytes is { } peak ? Math.Round(peak, 1) : null,
    };

    private static string Megabytes(double? value) => value is { } mb ? string.Create(CultureInfo.InvariantCulture, $"{mb:0.0} MB") : "n/a";

    private static string Verdict(bool met) => met ? "met" : "NOT met";
}
