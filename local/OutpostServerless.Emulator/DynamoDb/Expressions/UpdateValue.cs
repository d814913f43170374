using Amazon.DynamoDBv2.Model;

namespace OutpostServerless.Emulator.DynamoDb.Expressions;

/// <summary>The right-hand side of a SET action, evaluated against the item as it was before the update.</summary>
internal abstract record UpdateValue
{
    public abstract AttributeValue Evaluate(Dictionary<string, AttributeValue> item);

    protected static AttributeValue Required(Operand operand, Dictionary<string, AttributeValue> item) =>
        operand.Evaluate(item) ?? throw DynamoDbErrors.Invalid("The provided expression refers to an attribute that does not exist in the item");
}

internal sealed record OperandValue(Operand Operand) : UpdateValue
{
    public override AttributeValue Evaluate(Dictionary<string, AttributeValue> item) => Required(Operand, item);
}

/// <summary><c>a + b</c> or <c>a - b</c> on two numbers.</summary>
internal sealed record Arithmetic(UpdateValue Left, char Operator, UpdateValue Right) : UpdateValue
{
    public override AttributeValue Evaluate(Dictionary<string, AttributeValue> item)
    {
        var (left, right) = (Left.Evaluate(item), Right.Evaluate(item));
        if (left.N is null || right.N is null)
        {
            throw DynamoDbErrors.Invalid("An operand in the update expression has an incorrect data type");
        }

        var (a, b) = (AttributeValues.Number(left.N), AttributeValues.Number(right.N));
        return new AttributeValue { N = AttributeValues.NumberText(Operator == '+' ? a + b : a - b) };
    }
}

/// <summary><c>if_not_exists(path, value)</c>: the attribute when it exists, else the value.</summary>
internal sealed record IfNotExists(DocumentPath Path, UpdateValue Fallback) : UpdateValue
{
    public override AttributeValue Evaluate(Dictionary<string, AttributeValue> item) => Path.Get(item) ?? Fallback.Evaluate(item);
}

/// <summary><c>list_append(a, b)</c>: the elements of list a, then those of list b.</summary>
internal sealed record ListAppend(UpdateValue First, UpdateValue Second) : UpdateValue
{
    public override AttributeValue Evaluate(Dictionary<string, AttributeValue> item)
    {
        var (first, second) = (First.Evaluate(item), Second.Evaluate(item));
        if (first.L is null || second.L is null)
        {
            throw DynamoDbErrors.Invalid("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: " + (first.L is null ? AttributeValues.TypeOf(first) : AttributeValues.TypeOf(second)));
        }

        return new AttributeValue { L = [.. first.L, .. second.L] };
    }
}
