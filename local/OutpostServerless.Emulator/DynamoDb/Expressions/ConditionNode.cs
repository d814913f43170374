using Amazon.DynamoDBv2.Model;

namespace OutpostServerless.Emulator.DynamoDb.Expressions;

/// <summary>
/// A condition (ConditionExpression, FilterExpression, KeyConditionExpression), as the DynamoDB
/// Developer Guide's "Comparison operator and function reference" defines it: a comparison with an
/// absent attribute or of two types is false, never an error.
/// </summary>
internal abstract record ConditionNode
{
    public abstract bool Evaluate(Dictionary<string, AttributeValue> item);
}

internal sealed record Comparison(Operand Left, string Operator, Operand Right) : ConditionNode
{
    public override bool Evaluate(Dictionary<string, AttributeValue> item)
    {
        var (left, right) = (Left.Evaluate(item), Right.Evaluate(item));
        if (left is null || right is null)
        {
            return Operator == "<>" && (left is null) != (right is null);
        }

        return Operator switch
        {
            "=" => AttributeValues.AreEqual(left, right),
            "<>" => !AttributeValues.AreEqual(left, right),
            _ => AttributeValues.Compare(left, right) is { } order && Operator switch
            {
                "<" => order < 0,
                "<=" => order <= 0,
                ">" => order > 0,
                _ => order >= 0,
            },
        };
    }
}

internal sealed record Between(Operand Value, Operand Low, Operand High) : ConditionNode
{
    public override bool Evaluate(Dictionary<string, AttributeValue> item) =>
        Value.Evaluate(item) is { } value && Low.Evaluate(item) is { } low && High.Evaluate(item) is { } high
        && AttributeValues.Compare(value, low) >= 0 && AttributeValues.Compare(value, high) <= 0;
}

internal sealed record In(Operand Value, IReadOnlyList<Operand> Candidates) : ConditionNode
{
    public override bool Evaluate(Dictionary<string, AttributeValue> item) =>
        Value.Evaluate(item) is { } value && Candidates.Any(c => c.Evaluate(item) is { } candidate && AttributeValues.AreEqual(value, candidate));
}

internal sealed record And(ConditionNode Left, ConditionNode Right) : ConditionNode
{
    public override bool Evaluate(Dictionary<string, AttributeValue> item) => Left.Evaluate(item) && Right.Evaluate(item);
}

internal sealed record Or(ConditionNode Left, ConditionNode Right) : ConditionNode
{
    public override bool Evaluate(Dictionary<string, AttributeValue> item) => Left.Evaluate(item) || Right.Evaluate(item);
}

internal sealed record Not(ConditionNode Inner) : ConditionNode
{
    public override bool Evaluate(Dictionary<string, AttributeValue> item) => !Inner.Evaluate(item);
}

/// <summary><c>attribute_exists(path)</c> and <c>attribute_not_exists(path)</c>.</summary>
internal sealed record AttributeExists(DocumentPath Path, bool Exists) : ConditionNode
{
    public override bool Evaluate(Dictionary<string, AttributeValue> item) => (Path.Get(item) is not null) == Exists;
}

internal sealed record AttributeType(DocumentPath Path, Operand Type) : ConditionNode
{
    public override bool Evaluate(Dictionary<string, AttributeValue> item) =>
        Path.Get(item) is { } value && Type.Evaluate(item) is { S: { } type } && AttributeValues.TypeOf(value) == type;
}

internal sealed record BeginsWith(Operand Value, Operand Prefix) : ConditionNode
{
    public override bool Evaluate(Dictionary<string, AttributeValue> item) => (Value.Evaluate(item), Prefix.Evaluate(item)) switch
    {
        ({ S: { } s }, { S: { } prefix }) => s.StartsWith(prefix, StringComparison.Ordinal),
        ({ B: { } b }, { B: { } prefix }) => b.ToArray().AsSpan().StartsWith(prefix.ToArray()),
        _ => false,
    };
}

/// <summary><c>contains(path, operand)</c>: a substring of a string, a member of a set or an element of a list.</summary>
internal sealed record Contains(Operand Value, Operand Member) : ConditionNode
{
    public override bool Evaluate(Dictionary<string, AttributeValue> item) => (Value.Evaluate(item), Member.Evaluate(item)) switch
    {
        ({ S: { } s }, { S: { } part }) => s.Contains(part, StringComparison.Ordinal),
        ({ SS: { } set }, { S: { } member }) => set.Contains(member, StringComparer.Ordinal),
        ({ NS: { } set }, { N: { } member }) => set.Any(n => AttributeValues.Number(n) == AttributeValues.Number(member)),
        ({ L: { } list }, { } member) => list.Any(e => AttributeValues.AreEqual(e, member)),
        _ => false,
    };
}
