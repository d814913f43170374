using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutpostServerless.Emulator.EventBridge;

/// <summary>
/// <c>{"anything-but": ...}</c>: a value none of the exclusions match. The exclusions are a string or a
/// number, a list of only strings or only numbers, or one of <c>prefix</c>, <c>suffix</c>,
/// <c>equals-ignore-case</c> and <c>wildcard</c> with a string or a list of strings; those four apply to
/// strings only, so a number never matches them.
/// </summary>
internal sealed class AnythingButMatcher(IReadOnlyList<ValueMatcher> exclusions, bool stringsOnly) : ValueMatcher
{
    public override bool Matches(JsonValue? value) =>
        (!stringsOnly || IsText(value, out _)) && !exclusions.Any(exclusion => exclusion.Matches(value));

    public static AnythingButMatcher FromOperand(JsonNode? operand, string path) => operand switch
    {
        JsonValue single when single.GetValueKind() is JsonValueKind.String or JsonValueKind.Number =>
            new AnythingButMatcher([new ExactMatcher(single)], stringsOnly: false),
        JsonArray { Count: > 0 } list when AllOfKind(list, JsonValueKind.String) || AllOfKind(list, JsonValueKind.Number) =>
            new AnythingButMatcher([.. list.Select(item => new ExactMatcher(item!.AsValue()))], stringsOnly: false),
        JsonArray => throw new EventPatternException(path, "an anything-but list holds only strings or only numbers, at least one"),
        JsonObject { Count: 1 } inner => new AnythingButMatcher(Inner(inner.Single().Key, inner.Single().Value, path), stringsOnly: true),
        _ => throw new EventPatternException(path, "anything-but takes a string, a number, a list, or prefix, suffix, equals-ignore-case or wildcard"),
    };

    private static List<ValueMatcher> Inner(string name, JsonNode? operand, string path)
    {
        var texts = operand switch
        {
            JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
            JsonArray { Count: > 0 } list when AllOfKind(list, JsonValueKind.String) => list.Select(item => item!.GetValue<string>()).ToList(),
            _ => throw new EventPatternException(path, $"anything-but {name} takes a string or a list of strings"),
        };
        return name switch
        {
            "prefix" => [.. texts.Select(t => new PrefixMatcher(t, ignoreCase: false))],
            "suffix" => [.. texts.Select(t => new SuffixMatcher(t, ignoreCase: false))],
            "equals-ignore-case" => [.. texts.Select(t => new EqualsIgnoreCaseMatcher(t))],
            "wildcard" => [.. texts.Select(t => new WildcardMatcher(WildcardPattern.Parse(t, path)))],
            _ => throw new EventPatternException(path, $"anything-but does not take '{name}' (prefix, suffix, equals-ignore-case, wildcard)"),
        };
    }

    private static bool AllOfKind(JsonArray list, JsonValueKind kind) => list.All(item => item is JsonValue value && value.GetValueKind() == kind);
}
