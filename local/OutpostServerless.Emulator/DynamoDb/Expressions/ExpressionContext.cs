using Amazon.DynamoDBv2.Model;

namespace OutpostServerless.Emulator.DynamoDb.Expressions;

/// <summary>
/// A request's <c>ExpressionAttributeNames</c> and <c>ExpressionAttributeValues</c>, shared by all its
/// expressions: resolves placeholders and, once every expression is parsed, refuses those none used,
/// as DynamoDB does.
/// </summary>
internal sealed class ExpressionContext
{
    private readonly Dictionary<string, string> _names;
    private readonly Dictionary<string, AttributeValue> _values;
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedValues = new(StringComparer.Ordinal);

    public ExpressionContext(Dictionary<string, string>? names, Dictionary<string, AttributeValue>? values, bool anyExpression)
    {
        if (names is { Count: 0 })
        {
            throw DynamoDbErrors.Invalid("ExpressionAttributeNames must not be empty");
        }

        if (values is { Count: 0 })
        {
            throw DynamoDbErrors.Invalid("ExpressionAttributeValues must not be empty");
        }

        if (!anyExpression && names is not null)
        {
            throw DynamoDbErrors.Invalid("ExpressionAttributeNames can only be specified when using expressions");
        }

        if (!anyExpression && values is not null)
        {
            throw DynamoDbErrors.Invalid("ExpressionAttributeValues can only be specified when using expressions");
        }

        _names = names ?? [];
        _values = values ?? [];
    }

    public string Name(Token placeholder, string kind)
    {
        if (!_names.TryGetValue(placeholder.Text, out var name))
        {
            throw ExpressionErrors.UndefinedName(kind, placeholder.Text);
        }

        _usedNames.Add(placeholder.Text);
        return name;
    }

    public AttributeValue Value(Token placeholder, string kind)
    {
        if (!_values.TryGetValue(placeholder.Text, out var value))
        {
            throw ExpressionErrors.UndefinedValue(kind, placeholder.Text);
        }

        if (AttributeValues.TypeOf(value) is null)
        {
            throw DynamoDbErrors.InvalidParameter($"ExpressionAttributeValues contains invalid value: Supplied AttributeValue is empty, must contain exactly one of the supported datatypes for key {placeholder.Text}");
        }

        _usedValues.Add(placeholder.Text);
        return value;
    }

    /// <summary>Refuses placeholders that no expression of the request used.</summary>
    public void RequireAllUsed()
    {
        var unusedNames = _names.Keys.Where(k => !_usedNames.Contains(k)).ToList();
        if (unusedNames.Count > 0)
        {
            throw DynamoDbErrors.Invalid($"Value provided in ExpressionAttributeNames unused in expressions: keys: {{{string.Join(", ", unusedNames)}}}");
        }

        var unusedValues = _values.Keys.Where(k => !_usedValues.Contains(k)).ToList();
        if (unusedValues.Count > 0)
        {
            throw DynamoDbErrors.Invalid($"Value provided in ExpressionAttributeValues unused in expressions: keys: {{{string.Join(", ", unusedValues)}}}");
        }
    }
}
