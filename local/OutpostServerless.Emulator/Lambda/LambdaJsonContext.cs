using System.Text.Json.Serialization;

namespace OutpostServerless.Emulator.Lambda;

/// <summary>The Runtime API's JSON bodies: the error a runtime posts, and the server's own answers.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RuntimeErrorBody))]
[JsonSerializable(typeof(RuntimeApiStatus))]
internal sealed partial class LambdaJsonContext : JsonSerializerContext;

/// <summary><c>{"errorMessage", "errorType", "stackTrace"}</c>: a runtime's error, or the server's own refusal.</summary>
internal sealed record RuntimeErrorBody(string? ErrorMessage, string? ErrorType, IReadOnlyList<string>? StackTrace = null);

/// <summary>The body of a 202: <c>{"status":"OK"}</c>.</summary>
internal sealed record RuntimeApiStatus(string Status);
