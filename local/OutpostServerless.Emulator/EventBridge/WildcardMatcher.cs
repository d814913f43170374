using System.Text.Json.Nodes;

namespace OutpostServerless.Emulator.EventBridge;

/// <summary><c>{"wildcard": "*/lib/*"}</c>: a string the wildcard pattern covers entirely.</summary>
internal sealed class WildcardMatcher(WildcardPattern pattern) : ValueMatcher
{
    public override bool Matches(JsonValue? value) => IsText(value, out var text) && pattern.Covers(text);
}
