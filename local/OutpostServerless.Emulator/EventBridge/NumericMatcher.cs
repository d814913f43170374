using System.Text.Json.Nodes;

namespace OutpostServerless.Emulator.EventBridge;

/// <summary><c>{"numeric": [...]}</c>: a JSON number (never a string of digits) inside the range.</summary>
internal sealed class NumericMatcher(NumericRange range) : ValueMatcher
{
    public override bool Matches(JsonValue? value) => IsNumber(value, out var number) && range.Contains(number);
}
