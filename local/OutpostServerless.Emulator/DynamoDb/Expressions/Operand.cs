using Amazon.DynamoDBv2.Model;

namespace OutpostServerless.Emulator.DynamoDb.Expressions;

/// <summary>A value in an expression: an attribute of the item, an <c>:value</c>, or <c>size(path)</c>.</summary>
internal abstract record Operand
{
    /// <summary>The operand's value for <paramref name="item"/>, or null when the attribute is absent.</summary>
    public abstract AttributeValue? Evaluate(Dictionary<string, AttributeValue> item);
}

internal sealed record PathOperand(DocumentPath Path) : Operand
{
    public override AttributeValue? Evaluate(Dictionary<string, AttributeValue> item) => Path.Get(item);
}

internal sealed record ValueOperand(AttributeValue Value) : Operand
{
    public override AttributeValue? Evaluate(Dictionary<string, AttributeValue> item) => Value;
}

/// <summary><c>size(path)</c>: a string's or binary's length, a set's, list's or map's element count.</summary>
internal sealed record SizeOperand(DocumentPath Path) : Operand
{
    public override AttributeValue? Evaluate(Dictionary<string, AttributeValue> item)
    {
        long? size = Path.Get(item) switch
        {
            { S: { } s } => System.Text.Encoding.UTF8.GetByteCount(s),
            { B: { } b } => b.Length,
            { SS: { } ss } => ss.Count,
            { NS: { } ns } => ns.Count,
            { BS: { } bs } => bs.Count,
            { M: { } m } => m.Count,
            { L: { } l } => l.Count,
            _ => null,
        };
        return size is null ? null : new AttributeValue { N = size.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }
}
