using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutpostServerless.Emulator.Tests.Wire;

/// <summary>Reading the AWS CLI's JSON output.</summary>
internal static class CliJson
{
    public static string Text(JsonNode? node) => node?.GetValue<string>() ?? throw new InvalidOperationException("The member is missing.");

    /// <summary>
    /// A timestamp as the CLI prints it: v1 (awsJson1_0 CloudWatch) epoch seconds, otherwise ISO 8601.
    /// </summary>
    public static DateTimeOffset Time(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Number => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(node.GetValue<double>() * 1000)),
        JsonValueKind.String => DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => throw new InvalidOperationException("The member is not a timestamp."),
    };
}
