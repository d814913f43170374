namespace OutpostServerless.Emulator.DynamoDb.Expressions;

internal enum TokenKind
{
    Name,
    NamePlaceholder,
    ValuePlaceholder,
    Number,
    Symbol,
    End,
}

/// <summary>One lexical unit of an expression, with where it starts (for DynamoDB's "near:" in syntax errors).</summary>
internal sealed record Token(TokenKind Kind, string Text, int Position)
{
    public bool Is(string symbolOrKeyword) =>
        Kind is TokenKind.Symbol or TokenKind.Name && string.Equals(Text, symbolOrKeyword, StringComparison.OrdinalIgnoreCase);
}
