using System.Text.Json.Serialization;

namespace OutpostServerless.Cli.Bench.Runbook;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(RunbookDocument))]
internal sealed partial class RunbookJsonContext : JsonSerializerContext;
