using System.Text.Json.Serialization;
using OutpostServerless.Provisioning.Steps;

namespace OutpostServerless.Provisioning.Request;

/// <summary>Source-generated JSON for the request, the plan and ValidateRequest's input (AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ProvisioningRequest))]
[JsonSerializable(typeof(ProvisioningPlan))]
[JsonSerializable(typeof(ValidateRequestInput))]
public sealed partial class RequestJsonContext : JsonSerializerContext;
