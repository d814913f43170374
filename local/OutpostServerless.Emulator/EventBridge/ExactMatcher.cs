using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutpostServerless.Emulator.EventBridge;

/// <summary>A literal: a string matches the same string (case matters), a number the same number (<c>300</c> = <c>3.0e2</c>), true, false and null themselves.</summary>
internal sealed class ExactMatcher(JsonValue? literal) : ValueMatcher
{
    public override bool Matches(JsonValue? value)
    {
        if (literal is null || value is null)
        {
            return literal is null && value is null;
        }

        return literal.GetValueKind() switch
        {
            JsonValueKind.String => IsText(value, out var text) && text == literal.GetValue<string>(),
            JsonValueKind.Number => IsNumber(value, out var number) && IsNumber(literal, out var expected) && number == expected,
            var kind => value.GetValueKind() == kind,
        };
    }
}
