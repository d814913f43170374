using System.Text.Json.Serialization;

namespace OutpostServerless.Provisioning.Status;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ProvisioningStatusReport))]
[JsonSerializable(typeof(PlanReport))]
[JsonSerializable(typeof(ProvisioningState))]
public sealed partial class StatusJsonContext : JsonSerializerContext;
