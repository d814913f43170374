using System.Text.Json.Serialization;

namespace OutpostServerless.Aws.StepFunctions;

/// <summary>Step Functions' awsJson1_0 documents: camelCase members as in the API, unset members left out.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StartExecutionRequest))]
[JsonSerializable(typeof(StartExecutionResponse))]
[JsonSerializable(typeof(SendTaskSuccessRequest))]
[JsonSerializable(typeof(SendTaskSuccessResponse))]
public sealed partial class StepFunctionsJsonContext : JsonSerializerContext;
