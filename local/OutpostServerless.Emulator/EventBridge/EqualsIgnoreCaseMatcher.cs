using System.Text.Json.Nodes;

namespace OutpostServerless.Emulator.EventBridge;

/// <summary><c>{"equals-ignore-case": "alice"}</c>: the same string in any case.</summary>
internal sealed class EqualsIgnoreCaseMatcher(string expected) : ValueMatcher
{
    public override bool Matches(JsonValue? value) =>
        IsText(value, out var text) && string.Equals(text, expected, StringComparison.OrdinalIgnoreCase);
}
