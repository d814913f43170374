using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine.Paths;

/// <summary>Reads the segments of a JSONPath after its leading <c>$</c> (or <c>$$</c>).</summary>
internal sealed class JsonPathParser(string text, int start)
{
    private int _pos = start;

    public List<PathSegment> ParseSegments()
    {
        var segments = new List<PathSegment>();
        while (_pos < text.Length)
        {
            segments.Add(ParseSegment());
        }

        return segments;
    }

    private PathSegment ParseSegment()
    {
        var c = text[_pos];
        if (c == '[')
        {
            return ParseBracket();
        }

        if (c != '.')
        {
            throw Fail($"unexpected '{c}' at position {_pos}");
        }

        _pos++;
        if (_pos < text.Length && text[_pos] == '.')
        {
            _pos++;
            if (_pos < text.Length && text[_pos] == '[')
            {
                return new DeepScanSegment(ParseBracket());
            }

            return new DeepScanSegment(ParseDotMember());
        }

        return ParseDotMember();
    }

    private PathSegment ParseDotMember()
    {
        if (_pos < text.Length && text[_pos] == '*')
        {
            _pos++;
            return new WildcardSegment();
        }

        var begin = _pos;
        while (_pos < text.Length && text[_pos] is not ('.' or '['))
        {
            if (text[_pos] is ']' or ' ' or '\t')
            {
                throw Fail($"unexpected '{text[_pos]}' at position {_pos}");
            }

            _pos++;
        }

        if (_pos == begin)
        {
            throw Fail($"a name is missing at position {begin}");
        }

        return new PropertySegment(new[] { text[begin.._pos] });
    }

    private PathSegment ParseBracket()
    {
        _pos++; // '['
        SkipSpaces();
        if (_pos >= text.Length)
        {
            throw Fail("unclosed '['");
        }

        PathSegment segment;
        var c = text[_pos];
        if (c == '*')
        {
            _pos++;
            segment = new WildcardSegment();
        }
        else if (c is '\'' or '"')
        {
            var names = new List<string> { ReadQuoted() };
            while (TryConsumeComma())
            {
                names.Add(ReadQuoted());
            }

            segment = new PropertySegment(names);
        }
        else if (c == '?')
        {
            segment = new FilterSegment(ParseFilter());
        }
        else
        {
            segment = ParseIndexOrSlice();
        }

        SkipSpaces();
        if (_pos >= text.Length || text[_pos] != ']')
        {
            throw Fail($"expected ']' at position {_pos}");
        }

        _pos++;
        return segment;
    }

    private PathSegment ParseIndexOrSlice()
    {
        var first = TryReadInt();
        SkipSpaces();
        if (_pos < text.Length && text[_pos] == ':')
        {
            _pos++;
            SkipSpaces();
            var end = TryReadInt();
            return new SliceSegment(first, end);
        }

        if (first is null)
        {
            throw Fail($"expected an index, a name or '*' at position {_pos}");
        }

        var indexes = new List<int> { first.Value };
        while (TryConsumeComma())
        {
            indexes.Add(TryReadInt() ?? throw Fail($"expected an index at position {_pos}"));
        }

        return new IndexSegment(indexes);
    }

    private FilterExpression ParseFilter()
    {
        // ?( @... [op literal] )
        _pos++;
        SkipSpaces();
        Expect('(');
        SkipSpaces();
        Expect('@');
        var begin = _pos;
        var depth = 0;
        while (_pos < text.Length)
        {
            var ch = text[_pos];
            if (ch == '[')
            {
                depth++;
            }
            else if (ch == ']')
            {
                depth--;
            }
            else if (depth == 0 && (ch is ' ' or ')' or '=' or '!' or '<' or '>'))
            {
                break;
            }

            _pos++;
        }

        var relative = JsonPath.Parse("$" + text[begin.._pos]);
        SkipSpaces();
        string? op = null;
        JsonNode? literal = null;
        if (_pos < text.Length && text[_pos] != ')')
        {
            op = ReadOperator();
            SkipSpaces();
            literal = ReadLiteral();
            SkipSpaces();
        }

        Expect(')');
        return new FilterExpression(relative, op, literal);
    }

    private string ReadOperator()
    {
        foreach (var op in new[] { "==", "!=", "<=", ">=", "<", ">" })
        {
            if (string.CompareOrdinal(text, _pos, op, 0, op.Length) == 0)
            {
                _pos += op.Length;
                return op;
            }
        }

        throw Fail($"unsupported filter operator at position {_pos}");
    }

    private JsonNode? ReadLiteral()
    {
        if (_pos < text.Length && text[_pos] is '\'' or '"')
        {
            return JsonValue.Create(ReadQuoted());
        }

        var begin = _pos;
        while (_pos < text.Length && text[_pos] is not (')' or ' '))
        {
            _pos++;
        }

        var token = text[begin.._pos];
        try
        {
            return JsonText.Parse(token);
        }
        catch (System.Text.Json.JsonException)
        {
            throw Fail($"'{token}' is not a filter literal");
        }
    }

    private string ReadQuoted()
    {
        SkipSpaces();
        var quote = text[_pos];
        if (quote is not ('\'' or '"'))
        {
            throw Fail($"expected a quoted name at position {_pos}");
        }

        _pos++;
        var sb = new StringBuilder();
        while (_pos < text.Length && text[_pos] != quote)
        {
            if (text[_pos] == '\\' && _pos + 1 < text.Length)
            {
                _pos++;
            }

            sb.Append(text[_pos]);
            _pos++;
        }

        if (_pos >= text.Length)
        {
            throw Fail("unclosed quote");
        }

        _pos++;
        return sb.ToString();
    }

    private int? TryReadInt()
    {
        SkipSpaces();
        var begin = _pos;
        if (_pos < text.Length && text[_pos] == '-')
        {
            _pos++;
        }

        while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
        {
            _pos++;
        }

        if (_pos == begin || (_pos == begin + 1 && text[begin] == '-'))
        {
            _pos = begin;
            return null;
        }

        return int.TryParse(text.AsSpan(begin, _pos - begin), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Fail($"index out of range at position {begin}");
    }

    private bool TryConsumeComma()
    {
        SkipSpaces();
        if (_pos < text.Length && text[_pos] == ',')
        {
            _pos++;
            SkipSpaces();
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (_pos >= text.Length || text[_pos] != c)
        {
            throw Fail($"expected '{c}' at position {_pos}");
        }

        _pos++;
    }

    private void SkipSpaces()
    {
        while (_pos < text.Length && text[_pos] == ' ')
        {
            _pos++;
        }
    }

    private JsonPathSyntaxException Fail(string problem) => new(text, problem);
}
