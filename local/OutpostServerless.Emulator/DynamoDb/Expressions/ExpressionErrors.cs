using Amazon.DynamoDBv2;

namespace OutpostServerless.Emulator.DynamoDb.Expressions;

/// <summary>DynamoDB's ValidationException wording for a bad expression: <c>Invalid {Kind}Expression: …</c>.</summary>
internal static class ExpressionErrors
{
    public static AmazonDynamoDBException Syntax(string kind, string expression, Token token)
    {
        var near = expression[Math.Max(0, token.Position - 10)..Math.Min(expression.Length, token.Position + token.Text.Length + 10)].Trim();
        return Invalid(kind, $"Syntax error; token: \"{token.Text}\", near: \"{near}\"");
    }

    public static AmazonDynamoDBException InvalidCharacter(string kind, char c) =>
        Invalid(kind, $"Invalid character encountered; character: \"{c}\"");

    public static AmazonDynamoDBException ReservedWord(string kind, string name) =>
        Invalid(kind, $"Attribute name is a reserved keyword; reserved keyword: {name}");

    public static AmazonDynamoDBException UndefinedName(string kind, string name) =>
        Invalid(kind, $"An expression attribute name used in the document path is not defined; attribute name: {name}");

    public static AmazonDynamoDBException UndefinedValue(string kind, string name) =>
        Invalid(kind, $"An expression attribute value used in expression is not defined; attribute value: {name}");

    public static AmazonDynamoDBException Invalid(string kind, string reason) =>
        DynamoDbErrors.Invalid($"Invalid {kind}Expression: {reason}");
}
