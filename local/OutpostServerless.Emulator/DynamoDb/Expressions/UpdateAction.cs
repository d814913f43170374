using Amazon.DynamoDBv2.Model;

namespace OutpostServerless.Emulator.DynamoDb.Expressions;

/// <summary>One action of an UpdateExpression's SET, REMOVE, ADD or DELETE clause.</summary>
internal abstract record UpdateAction(DocumentPath Path)
{
    /// <summary>Applies the action to <paramref name="item"/>; values are computed from <paramref name="before"/>, the item as it was.</summary>
    public abstract void Apply(Dictionary<string, AttributeValue> item, Dictionary<string, AttributeValue> before);
}

internal sealed record SetAction(DocumentPath Path, UpdateValue Value) : UpdateAction(Path)
{
    public override void Apply(Dictionary<string, AttributeValue> item, Dictionary<string, AttributeValue> before) => Path.Set(item, Value.Evaluate(before));
}

internal sealed record RemoveAction(DocumentPath Path) : UpdateAction(Path)
{
    public override void Apply(Dictionary<string, AttributeValue> item, Dictionary<string, AttributeValue> before) => Path.Remove(item);
}

/// <summary>ADD: a number is added to (an absent attribute counts as 0), a set gains members (an absent one is created).</summary>
internal sealed record AddAction(DocumentPath Path, AttributeValue Value) : UpdateAction(Path)
{
    public override void Apply(Dictionary<string, AttributeValue> item, Dictionary<string, AttributeValue> before)
    {
        var current = Path.Get(before);
        var result = (current, Value) switch
        {
            (null, { N: not null } or { SS: not null } or { NS: not null } or { BS: not null }) => Value,
            ({ N: { } n }, { N: { } add }) => new AttributeValue { N = AttributeValues.NumberText(AttributeValues.Number(n) + AttributeValues.Number(add)) },
            ({ SS: { } set }, { SS: { } add }) => new AttributeValue { SS = set.Union(add, StringComparer.Ordinal).ToList() },
            ({ NS: { } set }, { NS: { } add }) => new AttributeValue { NS = set.Concat(add.Where(a => !set.Any(s => AttributeValues.Number(s) == AttributeValues.Number(a)))).ToList() },
            _ => throw DynamoDbErrors.Invalid($"Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: {AttributeValues.TypeOf(current ?? Value)}"),
        };
        Path.Set(item, result);
    }
}

/// <summary>DELETE: members leave a set; a set left empty is removed.</summary>
internal sealed record DeleteAction(DocumentPath Path, AttributeValue Value) : UpdateAction(Path)
{
    public override void Apply(Dictionary<string, AttributeValue> item, Dictionary<string, AttributeValue> before)
    {
        AttributeValue? result = (Path.Get(before), Value) switch
        {
            (null, _) => null,
            ({ SS: { } set }, { SS: { } remove }) => set.Except(remove, StringComparer.Ordinal).ToList() is { Count: > 0 } left ? new AttributeValue { SS = left } : null,
            ({ NS: { } set }, { NS: { } remove }) => set.Where(s => !remove.Any(r => AttributeValues.Number(r) == AttributeValues.Number(s))).ToList() is { Count: > 0 } left ? new AttributeValue { NS = left } : null,
            _ => throw DynamoDbErrors.Invalid($"Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: {AttributeValues.TypeOf(Value)}"),
        };
        if (result is null)
        {
            Path.Remove(item);
        }
        else
        {
            Path.Set(item, result);
        }
    }
}
