using System.Text.Json.Serialization;

namespace OutpostServerless.Cli.Plan;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(PlanReport))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;
