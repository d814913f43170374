using System.Text.Json.Serialization;

namespace OutpostServerless.Provisioning.Steps;

/// <summary><c>$.failure</c> as a Step Functions Catch writes it: <c>{ "Error", "Cause" }</c>, capitalised.</summary>
public sealed record StepFailure(
    [property: JsonPropertyName("Error")] string? Error,
    [property: JsonPropertyName("Cause")] string? Cause);
