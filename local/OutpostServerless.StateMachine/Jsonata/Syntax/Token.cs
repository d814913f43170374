namespace OutpostServerless.StateMachine.Jsonata.Syntax;

internal enum TokenKind
{
    Operator,
    String,
    Number,
    Name,
    Variable,
    Regex,
    Value,
    End,
}

/// <summary>One token of a JSONata expression; <see cref="Value"/> is the text, number, or literal it carries.</summary>
internal sealed record Token(TokenKind Kind, string Text, object? Value, int Position);
