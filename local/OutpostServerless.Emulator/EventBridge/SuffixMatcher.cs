using System.Text.Json.Nodes;

namespace OutpostServerless.Emulator.EventBridge;

/// <summary><c>{"suffix": ".png"}</c> (or with <c>equals-ignore-case</c> inside): a string ending so.</summary>
internal sealed class SuffixMatcher(string suffix, bool ignoreCase) : ValueMatcher
{
    public override bool Matches(JsonValue? value) =>
        IsText(value, out var text) && text.EndsWith(suffix, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
