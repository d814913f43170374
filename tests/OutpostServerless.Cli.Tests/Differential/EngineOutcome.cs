using System.Text.Json.Nodes;

namespace OutpostServerless.Cli.Tests.Differential;

/// <summary>How an execution ended, as DescribeExecution reports it (output as JSON text).</summary>
internal sealed record EngineOutcome(string Status, string? Output, string? Error, string? Cause)
{
    /// <summary>The fields that differ from <paramref name="other"/>: status, output (compared as JSON), error, cause.</summary>
    public IReadOnlyList<string> DifferencesFrom(EngineOutcome other)
    {
        var fields = new List<string>();
        if (Status != other.Status)
        {
            fields.Add("status");
        }

        if (!SameJson(Output, other.Output))
        {
            fields.Add("output");
        }

        if (Error != other.Error)
        {
            fields.Add("error");
        }

        if (Cause != other.Cause)
        {
            fields.Add("cause");
        }

        return fields;
    }

    public override string ToString() =>
        $"{Status} output={Output ?? "-"} error={Error ?? "-"} cause={Cause ?? "-"}";

    // moto 5.2.1 prints a top-level string output without quotes, which is not JSON: that never equals ours.
    private static bool SameJson(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left == right;
        }

        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(left), JsonNode.Parse(right));
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
