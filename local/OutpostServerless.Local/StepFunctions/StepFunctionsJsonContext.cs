using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.StepFunctions;

/// <summary>
/// Source-generated JSON for Step Functions' output records: camelCase members, absent when null, enums in
/// AWS's SCREAMING_SNAKE_CASE (<c>CAUGHT_ERROR</c>), quotes inside JSON-text members written as themselves.
/// </summary>
[JsonSerializable(typeof(TestStateOutput))]
internal sealed partial class StepFunctionsJsonContext : JsonSerializerContext
{
    /// <summary>The context with the wire's options; read-only once made.</summary>
    public static StepFunctionsJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter<StateTestStatus>(JsonNamingPolicy.SnakeCaseUpper) },
    });
}
