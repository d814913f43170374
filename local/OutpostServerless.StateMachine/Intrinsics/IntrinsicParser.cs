using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Paths;

namespace OutpostServerless.StateMachine.Intrinsics;

/// <summary>
/// Parses intrinsic calls: <c>States.Name(arg, ...)</c> where an argument is a quoted string (backslash
/// escapes <c>\' \{ \} \\</c>), a number, <c>true</c>/<c>false</c>, <c>null</c>, a path <c>$...</c>, a context
/// path <c>$$...</c>, or a nested call. Function names and argument counts are checked here, at load time.
/// </summary>
internal sealed class IntrinsicParser
{
    /// <summary>AWS allows nesting intrinsic calls up to this depth.</summary>
    private const int MaxDepth = 10;

    private readonly string _text;
    private int _pos;

    private IntrinsicParser(string text) => _text = text;

    public static bool LooksLikeCall(string text) => text.StartsWith("States.", StringComparison.Ordinal);

    public static IntrinsicCall Parse(string text)
    {
        var parser = new IntrinsicParser(text);
        var call = parser.ParseCall(depth: 1);
        parser.SkipSpaces();
        if (parser._pos != text.Length)
        {
            throw parser.Fail($"unexpected '{text[parser._pos..]}' after the call");
        }

        return call;
    }

    private IntrinsicCall ParseCall(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Fail($"calls may nest at most {MaxDepth} deep");
        }

        SkipSpaces();
        var begin = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '.'))
        {
            _pos++;
        }

        var name = _text[begin.._pos];
        if (!IntrinsicFunction.ByName.TryGetValue(name, out var function))
        {
            throw Fail($"unknown function '{name}'");
        }

        SkipSpaces();
        Expect('(');
        var arguments = new List<IntrinsicArgument>();
        SkipSpaces();
        if (Peek() != ')')
        {
            arguments.Add(ParseArgument(depth));
            SkipSpaces();
            while (Peek() == ',')
            {
                _pos++;
                arguments.Add(ParseArgument(depth));
                SkipSpaces();
            }
        }

        Expect(')');
        if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
        {
            var expected = function.MinArguments == function.MaxArguments
                ? function.MinArguments.ToString(CultureInfo.InvariantCulture)
                : function.MaxArguments == int.MaxValue
                    ? $"at least {function.MinArguments}"
                    : $"{function.MinArguments} to {function.MaxArguments}";
            throw Fail($"{name} takes {expected} argument(s), got {arguments.Count}");
        }

        return new IntrinsicCall(function, arguments, _text[begin.._pos]);
    }

    private IntrinsicArgument ParseArgument(int depth)
    {
        SkipSpaces();
        var c = Peek();
        return c switch
        {
            '\'' => ParseString(),
            '$' => ParsePath(),
            '-' or (>= '0' and <= '9') => ParseNumber(),
            'S' => new CallArgument(ParseCall(depth + 1)),
            _ => ParseKeyword(),
        };
    }

    private LiteralArgument ParseString()
    {
        _pos++; // opening quote
        var value = new StringBuilder();
        var begin = _pos;
        while (_pos < _text.Length && _text[_pos] != '\'')
        {
            if (_text[_pos] == '\\')
            {
                _pos++;
                if (_pos >= _text.Length)
                {
                    break;
                }
            }

            value.Append(_text[_pos]);
            _pos++;
        }

        if (_pos >= _text.Length)
        {
            throw Fail("unclosed string literal");
        }

        var escaped = _text[begin.._pos];
        _pos++; // closing quote
        return new LiteralArgument(JsonValue.Create(value.ToString()), escaped);
    }

    private PathArgument ParsePath()
    {
        // A path runs to the next top-level ',' or ')': brackets and quotes may hide either.
        var begin = _pos;
        var depth = 0;
        char? quote = null;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    _pos++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']')
            {
                depth--;
            }
            else if (depth == 0 && (c is ',' or ')'))
            {
                break;
            }

            _pos++;
        }

        var text = _text[begin.._pos].TrimEnd();
        try
        {
            return new PathArgument(JsonPath.Parse(text));
        }
        catch (JsonPathSyntaxException e)
        {
            throw Fail(e.Message);
        }
    }

    private LiteralArgument ParseNumber()
    {
        var begin = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E' or '+' or '-'))
        {
            _pos++;
        }

        var token = _text[begin.._pos];
        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return new LiteralArgument(JsonValue.Create(integer), null);
        }

        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return new LiteralArgument(JsonValue.Create(number), null);
        }

        throw Fail($"'{token}' is not a number");
    }

    private LiteralArgument ParseKeyword()
    {
        foreach (var (keyword, value) in new (string, JsonNode?)[] { ("null", null), ("true", JsonValue.Create(true)), ("false", JsonValue.Create(false)) })
        {
            if (string.CompareOrdinal(_text, _pos, keyword, 0, keyword.Length) == 0)
            {
                _pos += keyword.Length;
                return new LiteralArgument(value, null);
            }
        }

        throw Fail(_pos < _text.Length ? $"unexpected '{_text[_pos]}' at position {_pos}" : "unexpected end");
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Fail($"expected '{c}' at position {_pos}");
        }

        _pos++;
    }

    private void SkipSpaces()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private IntrinsicSyntaxException Fail(string problem) => new(_text, problem);
}
