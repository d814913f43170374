using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OutpostServerless.StateMachine.Jsonata.Runtime;

namespace OutpostServerless.StateMachine.Jsonata.Syntax;

/// <summary>Splits a JSONata expression into tokens, as jsonata-js's tokenizer does (including regex literals in prefix position).</summary>
internal sealed class Lexer(string text)
{
    private static readonly string[] TwoCharOperators = ["..", ":=", "!=", ">=", "<=", "**", "~>"];
    private const string SingleCharOperators = ".[]{}(),@#;:?+-*/%|=<>^&!~";

    private int _pos;

    /// <param name="prefix">True when a value, not an operator, is expected next: a '/' then starts a regex.</param>
    public Token Next(bool prefix)
    {
        SkipSpaceAndComments();
        if (_pos >= text.Length)
        {
            return new Token(TokenKind.End, "(end)", null, _pos);
        }

        var start = _pos;
        var c = text[_pos];
        if (prefix && c == '/')
        {
            return ReadRegex();
        }

        foreach (var op in TwoCharOperators)
        {
            if (string.CompareOrdinal(text, _pos, op, 0, 2) == 0)
            {
                _pos += 2;
                return new Token(TokenKind.Operator, op, null, start);
            }
        }

        if (c is '"' or '\'')
        {
            return ReadString(c);
        }

        if (char.IsAsciiDigit(c))
        {
            return ReadNumber();
        }

        if (c == '`')
        {
            var end = text.IndexOf('`', _pos + 1);
            if (end < 0)
            {
                throw new JsonataException("S0105", "Quoted property name must be terminated with a backquote (`)", start);
            }

            _pos = end + 1;
            var name = text[(start + 1)..end];
            return new Token(TokenKind.Name, name, name, start);
        }

        if (SingleCharOperators.Contains(c, StringComparison.Ordinal))
        {
            _pos++;
            return new Token(TokenKind.Operator, c.ToString(), null, start);
        }

        // A name or a variable runs to the next operator or space.
        var isVariable = c == '$';
        if (isVariable)
        {
            _pos++;
        }

        while (_pos < text.Length && !IsDelimiter(text[_pos]))
        {
            _pos++;
        }

        var word = text[(isVariable ? start + 1 : start).._pos];
        if (isVariable)
        {
            return new Token(TokenKind.Variable, word, word, start);
        }

        return word switch
        {
            "and" or "or" or "in" => new Token(TokenKind.Operator, word, null, start),
            "true" => new Token(TokenKind.Value, word, true, start),
            "false" => new Token(TokenKind.Value, word, false, start),
            "null" => new Token(TokenKind.Value, word, JNull.Value, start),
            _ => new Token(TokenKind.Name, word, word, start),
        };
    }

    private static bool IsDelimiter(char c) =>
        char.IsWhiteSpace(c) || SingleCharOperators.Contains(c, StringComparison.Ordinal) || c is '"' or '\'' or '`';

    private void SkipSpaceAndComments()
    {
        while (_pos < text.Length)
        {
            if (char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
            else if (text[_pos] == '/' && _pos + 1 < text.Length && text[_pos + 1] == '*')
            {
                var end = text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new JsonataException("S0106", "Comment has no closing tag", _pos);
                }

                _pos = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private Token ReadString(char quote)
    {
        var start = _pos;
        _pos++;
        var value = new StringBuilder();
        while (_pos < text.Length)
        {
            var c = text[_pos];
            if (c == quote)
            {
                _pos++;
                return new Token(TokenKind.String, value.ToString(), value.ToString(), start);
            }

            if (c == '\\')
            {
                _pos++;
                if (_pos >= text.Length)
                {
                    break;
                }

                var e = text[_pos];
                switch (e)
                {
                    case '"' or '\\' or '/' or '\'':
                        value.Append(e);
                        break;
                    case 'b':
                        value.Append('\b');
                        break;
                    case 'f':
                        value.Append('\f');
                        break;
                    case 'n':
                        value.Append('\n');
                        break;
                    case 'r':
                        value.Append('\r');
                        break;
                    case 't':
                        value.Append('\t');
                        break;
                    case 'u':
                        if (_pos + 4 >= text.Length || !int.TryParse(text.AsSpan(_pos + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        {
                            throw new JsonataException("S0104", "The escape sequence \\u must be followed by 4 hex digits", _pos);
                        }

                        value.Append((char)code);
                        _pos += 4;
                        break;
                    default:
                        throw new JsonataException("S0103", $"Unsupported escape sequence: \\{e}", _pos);
                }
            }
            else
            {
                value.Append(c);
            }

            _pos++;
        }

        throw new JsonataException("S0101", "String literal must be terminated by a matching quote", start);
    }

    private Token ReadNumber()
    {
        var start = _pos;
        while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
        {
            _pos++;
        }

        // A '.' starts a fraction only when a digit follows ("1..5" is a range).
        if (_pos + 1 < text.Length && text[_pos] == '.' && char.IsAsciiDigit(text[_pos + 1]))
        {
            _pos++;
            while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
            {
                _pos++;
            }
        }

        if (_pos < text.Length && text[_pos] is 'e' or 'E')
        {
            var mark = _pos;
            _pos++;
            if (_pos < text.Length && text[_pos] is '+' or '-')
            {
                _pos++;
            }

            if (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
            {
                while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
                {
                    _pos++;
                }
            }
            else
            {
                _pos = mark;
            }
        }

        var token = text[start.._pos];
        var number = double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(number))
        {
            throw new JsonataException("S0102", $"Number out of range: {token}", start);
        }

        return new Token(TokenKind.Number, token, number, start);
    }

    private Token ReadRegex()
    {
        var start = _pos;
        _pos++;
        var depth = 0;
        var body = new StringBuilder();
        while (_pos < text.Length)
        {
            var c = text[_pos];
            if (c == '/' && depth == 0 && (body.Length == 0 || body[^1] != '\\' || EscapedBackslash(body)))
            {
                _pos++;
                var flagsStart = _pos;
                while (_pos < text.Length && text[_pos] is 'i' or 'm')
                {
                    _pos++;
                }

                var pattern = body.ToString();
                if (pattern.Length == 0)
                {
                    throw new JsonataException("S0301", "Empty regular expressions are not allowed", start);
                }

                var flags = text[flagsStart.._pos];
                var options = RegexOptions.CultureInvariant;
                if (flags.Contains('i', StringComparison.Ordinal))
                {
                    options |= RegexOptions.IgnoreCase;
                }

                if (flags.Contains('m', StringComparison.Ordinal))
                {
                    options |= RegexOptions.Multiline;
                }

                try
                {
                    return new Token(TokenKind.Regex, text[start.._pos], new Regex(pattern, options, TimeSpan.FromSeconds(1)), start);
                }
                catch (ArgumentException e)
                {
                    throw new JsonataException("S0301", $"Invalid regular expression: {e.Message}", start);
                }
            }

            if (c is '(' or '[' or '{' && (body.Length == 0 || body[^1] != '\\'))
            {
                depth++;
            }
            else if (c is ')' or ']' or '}' && (body.Length == 0 || body[^1] != '\\'))
            {
                depth--;
            }

            body.Append(c);
            _pos++;
        }

        throw new JsonataException("S0302", "No terminating / in regular expression", start);
    }

    // "\\/" ends the regex (the backslash itself is escaped), "\/" does not.
    private static bool EscapedBackslash(StringBuilder body)
    {
        var count = 0;
        for (var i = body.Length - 1; i >= 0 && body[i] == '\\'; i--)
        {
            count++;
        }

        return count % 2 == 0;
    }
}
