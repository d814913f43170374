namespace OutpostServerless.Emulator.DynamoDb.Expressions;

/// <summary>Splits an expression into names, <c>#name</c> and <c>:value</c> placeholders, list indexes and symbols.</summary>
internal static class ExpressionLexer
{
    private static readonly string[] Symbols = ["<>", "<=", ">=", "=", "<", ">", "(", ")", ",", ".", "[", "]", "+", "-"];

    public static List<Token> Tokenize(string expression, string kind)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (c is '#' or ':')
            {
                i++;
                while (i < expression.Length && IsNameChar(expression[i]))
                {
                    i++;
                }

                if (i == start + 1)
                {
                    throw ExpressionErrors.Syntax(kind, expression, new Token(TokenKind.Symbol, c.ToString(), start));
                }

                tokens.Add(new Token(c == '#' ? TokenKind.NamePlaceholder : TokenKind.ValuePlaceholder, expression[start..i], start));
            }
            else if (char.IsDigit(c))
            {
                while (i < expression.Length && char.IsDigit(expression[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Number, expression[start..i], start));
            }
            else if (IsNameChar(c))
            {
                while (i < expression.Length && IsNameChar(expression[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Name, expression[start..i], start));
            }
            else
            {
                var symbol = Symbols.FirstOrDefault(s => string.CompareOrdinal(expression, i, s, 0, s.Length) == 0)
                    ?? throw ExpressionErrors.InvalidCharacter(kind, c);
                tokens.Add(new Token(TokenKind.Symbol, symbol, start));
                i += symbol.Length;
            }
        }

        tokens.Add(new Token(TokenKind.End, "<EOF>", expression.Length));
        return tokens;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
