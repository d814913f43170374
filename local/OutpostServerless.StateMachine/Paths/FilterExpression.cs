using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine.Paths;

/// <summary>
/// The filter subset Step Functions users write: an existence test <c>@.a</c> or one comparison
/// <c>@.a OP literal</c> with OP one of == != &lt; &lt;= &gt; &gt;=.
/// </summary>
internal sealed record FilterExpression(JsonPath Relative, string? Operator, JsonNode? Literal)
{
    public bool Accepts(JsonNode? candidate)
    {
        if (!Relative.TrySelect(candidate, out var value))
        {
            return false;
        }

        if (Operator is null)
        {
            return true;
        }

        if (Operator is "==" or "!=")
        {
            var equal = JsonNode.DeepEquals(value, Literal);
            return Operator == "==" ? equal : !equal;
        }

        int? order = (JsonScalars.KindOf(value), JsonScalars.KindOf(Literal)) switch
        {
            (JsonValueKind.Number, JsonValueKind.Number) => JsonScalars.CompareNumbers(value!, Literal!),
            (JsonValueKind.String, JsonValueKind.String) => string.CompareOrdinal(value!.GetValue<string>(), Literal!.GetValue<string>()),
            _ => null,
        };
        return order is { } o && Operator switch
        {
            "<" => o < 0,
            "<=" => o <= 0,
            ">" => o > 0,
            ">=" => o >= 0,
            _ => false,
        };
    }
}
