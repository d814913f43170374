using System.Text.Json.Nodes;

namespace OutpostServerless.Emulator.EventBridge;

/// <summary><c>{"prefix": "us-"}</c> (or with <c>equals-ignore-case</c> inside): a string starting so.</summary>
internal sealed class PrefixMatcher(string prefix, bool ignoreCase) : ValueMatcher
{
    public override bool Matches(JsonValue? value) =>
        IsText(value, out var text) && text.StartsWith(prefix, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
