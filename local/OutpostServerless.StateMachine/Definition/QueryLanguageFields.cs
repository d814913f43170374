namespace OutpostServerless.StateMachine.Definition;

/// <summary>
/// Which fields belong to one query language only, and the refusal AWS gives for a field of the other
/// (measured against ValidateStateMachineDefinition). Assign belongs to both.
/// </summary>
internal static class QueryLanguageFields
{
    public static readonly IReadOnlySet<string> JsonPathOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "InputPath", "OutputPath", "ResultPath", "ResultSelector", "Parameters", "Result", "ItemsPath", "MaxConcurrencyPath",
        "TimeoutSecondsPath", "HeartbeatSecondsPath", "SecondsPath", "TimestampPath", "ErrorPath", "CausePath",
        "ToleratedFailureCountPath", "ToleratedFailurePercentagePath", "Variable", "And", "Or", "Not",
    };

    public static readonly IReadOnlySet<string> JsonataOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "Arguments", "Output", "Items", "Condition",
    };

    public static bool BelongsToOther(QueryLanguage language, string field) =>
        language == QueryLanguage.Jsonata ? JsonPathOnly.Contains(field) : JsonataOnly.Contains(field);

    public static string Refusal(QueryLanguage language, string field) =>
        language == QueryLanguage.Jsonata
            ? $"The QueryLanguage is set to 'JSONata', but field '{field}' is only supported for the 'JSONPath' QueryLanguage"
            : $"The QueryLanguage is set to 'JSONPath', but field '{field}' is only supported for the 'JSONata' QueryLanguage";

    public static string Name(QueryLanguage language) => language == QueryLanguage.Jsonata ? "JSONata" : "JSONPath";
}
