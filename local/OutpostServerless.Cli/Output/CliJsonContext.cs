using System.Text.Json.Serialization;

namespace OutpostServerless.Cli.Output;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(RunReport))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
