using System.Text.Json.Serialization;

namespace OutpostServerless.Emulator.Ssm;

/// <summary>GetParameter's result as SSM sends it: the port's parameter plus the members SSM always adds.</summary>
internal sealed record SsmGetParameterResult(SsmParameter Parameter);

internal sealed record SsmParameter
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required string Value { get; init; }
    public long Version { get; init; }

    [JsonPropertyName("ARN")]
    public required string Arn { get; init; }

    public string DataType { get; init; } = "text";
}
