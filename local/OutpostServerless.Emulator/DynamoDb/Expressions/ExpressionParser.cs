namespace OutpostServerless.Emulator.DynamoDb.Expressions;

/// <summary>
/// Parses DynamoDB's expression grammar (Developer Guide, "Condition and filter expressions",
/// "Update expressions", "Projection expressions"): conditions with comparisons, BETWEEN, IN,
/// functions and AND/OR/NOT (NOT binds tightest, then AND, then OR); updates as SET/REMOVE/ADD/DELETE clauses.
/// </summary>
internal sealed class ExpressionParser
{
    private static readonly string[] Comparators = ["=", "<>", "<", "<=", ">", ">="];
    private static readonly string[] Clauses = ["SET", "REMOVE", "ADD", "DELETE"];

    private readonly string _expression;
    private readonly string _kind;
    private readonly ExpressionContext _context;
    private readonly List<Token> _tokens;
    private int _next;

    private ExpressionParser(string expression, string kind, ExpressionContext context)
    {
        _expression = expression;
        _kind = kind;
        _context = context;
        _tokens = ExpressionLexer.Tokenize(expression, kind);
    }

    /// <param name="kind">Which expression, as DynamoDB's messages name it: <c>Condition</c>, <c>KeyCondition</c>, <c>Filter</c>.</param>
    public static ConditionNode Condition(string expression, string kind, ExpressionContext context)
    {
        var parser = Start(expression, kind, context);
        var condition = parser.Or();
        parser.ExpectEnd();
        return condition;
    }

    public static IReadOnlyList<UpdateAction> Update(string expression, ExpressionContext context)
    {
        var parser = Start(expression, "Update", context);
        var actions = new List<UpdateAction>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (parser.Peek.Kind != TokenKind.End)
        {
            var clause = parser.Take();
            if (!Clauses.Any(clause.Is))
            {
                throw parser.SyntaxError(clause);
            }

            if (!seen.Add(clause.Text))
            {
                throw ExpressionErrors.Invalid("Update", $"The \"{clause.Text.ToUpperInvariant()}\" section can only be used once in an update expression;");
            }

            do
            {
                actions.Add(parser.Action(clause.Text.ToUpperInvariant()));
            }
            while (parser.TakeIf(","));
        }

        for (var i = 0; i < actions.Count; i++)
        {
            for (var j = i + 1; j < actions.Count; j++)
            {
                if (actions[i].Path.Overlaps(actions[j].Path))
                {
                    throw ExpressionErrors.Invalid("Update", $"Two document paths overlap with each other; must remove or rewrite one of these paths; path one: {actions[i].Path}, path two: {actions[j].Path}");
                }
            }
        }

        return actions;
    }

    public static IReadOnlyList<DocumentPath> Projection(string expression, ExpressionContext context)
    {
        var parser = Start(expression, "Projection", context);
        var paths = new List<DocumentPath> { parser.Path() };
        while (parser.TakeIf(","))
        {
            paths.Add(parser.Path());
        }

        parser.ExpectEnd();
        return paths;
    }

    private static ExpressionParser Start(string expression, string kind, ExpressionContext context)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            throw ExpressionErrors.Invalid(kind, "The expression can not be empty;");
        }

        return new ExpressionParser(expression, kind, context);
    }

    private Token Peek => _tokens[_next];

    private Token Take() => _tokens[_next++];

    private bool TakeIf(string symbol)
    {
        if (Peek.Is(symbol))
        {
            _next++;
            return true;
        }

        return false;
    }

    private void Expect(string symbol)
    {
        if (!TakeIf(symbol))
        {
            throw SyntaxError(Peek);
        }
    }

    private void ExpectEnd()
    {
        if (Peek.Kind != TokenKind.End)
        {
            throw SyntaxError(Peek);
        }
    }

    private Amazon.DynamoDBv2.AmazonDynamoDBException SyntaxError(Token token) => ExpressionErrors.Syntax(_kind, _expression, token);

    private ConditionNode Or()
    {
        var left = And();
        while (TakeIf("OR"))
        {
            left = new Or(left, And());
        }

        return left;
    }

    private ConditionNode And()
    {
        var left = Not();
        while (TakeIf("AND"))
        {
            left = new And(left, Not());
        }

        return left;
    }

    private ConditionNode Not() => TakeIf("NOT") ? new Not(Not()) : Primary();

    private ConditionNode Primary()
    {
        if (TakeIf("("))
        {
            var inner = Or();
            Expect(")");
            return inner;
        }

        if (Peek.Kind == TokenKind.Name && _tokens[_next + 1].Is("(") && !Peek.Is("size"))
        {
            return Function();
        }

        var operand = Operand();
        if (TakeIf("BETWEEN"))
        {
            var low = Operand();
            Expect("AND");
            return new Between(operand, low, Operand());
        }

        if (TakeIf("IN"))
        {
            Expect("(");
            var candidates = new List<Operand> { Operand() };
            while (TakeIf(","))
            {
                candidates.Add(Operand());
            }

            Expect(")");
            return new In(operand, candidates);
        }

        var comparator = Take();
        if (comparator.Kind != TokenKind.Symbol || !Comparators.Contains(comparator.Text))
        {
            throw SyntaxError(comparator);
        }

        return new Comparison(operand, comparator.Text, Operand());
    }

    private ConditionNode Function()
    {
        var name = Take();
        Expect("(");
        ConditionNode condition = name.Text switch
        {
            "attribute_exists" => new AttributeExists(Path(), Exists: true),
            "attribute_not_exists" => new AttributeExists(Path(), Exists: false),
            "attribute_type" => new AttributeType(Path(), Argument()),
            "begins_with" => new BeginsWith(Operand(), Argument()),
            "contains" => new Contains(Operand(), Argument()),
            _ => throw ExpressionErrors.Invalid(_kind, $"Invalid function name; function: {name.Text}"),
        };
        Expect(")");
        return condition;
    }

    private Operand Argument()
    {
        Expect(",");
        return Operand();
    }

    private Operand Operand()
    {
        if (Peek.Kind == TokenKind.ValuePlaceholder)
        {
            return new ValueOperand(_context.Value(Take(), _kind));
        }

        if (Peek.Is("size") && _tokens[_next + 1].Is("("))
        {
            _next += 2;
            var path = Path();
            Expect(")");
            return new SizeOperand(path);
        }

        return new PathOperand(Path());
    }

    private DocumentPath Path()
    {
        var elements = new List<PathElement> { new(Name(), null) };
        while (true)
        {
            if (TakeIf("."))
            {
                elements.Add(new PathElement(Name(), null));
            }
            else if (TakeIf("["))
            {
                var index = Take();
                if (index.Kind != TokenKind.Number)
                {
                    throw SyntaxError(index);
                }

                elements.Add(new PathElement(null, int.Parse(index.Text, System.Globalization.CultureInfo.InvariantCulture)));
                Expect("]");
            }
            else
            {
                return new DocumentPath(elements);
            }
        }
    }

    private string Name()
    {
        var token = Take();
        return token.Kind switch
        {
            TokenKind.NamePlaceholder => _context.Name(token, _kind),
            TokenKind.Name when ReservedWords.Contains(token.Text) => throw ExpressionErrors.ReservedWord(_kind, token.Text),
            TokenKind.Name when !char.IsAsciiDigit(token.Text[0]) => token.Text,
            _ => throw SyntaxError(token),
        };
    }

    private UpdateAction Action(string clause)
    {
        var path = Path();
        switch (clause)
        {
            case "SET":
                Expect("=");
                return new SetAction(path, SetValue());
            case "REMOVE":
                return new RemoveAction(path);
            default:
                var value = Peek.Kind == TokenKind.ValuePlaceholder ? _context.Value(Take(), _kind) : throw SyntaxError(Peek);
                return clause == "ADD" ? new AddAction(path, value) : new DeleteAction(path, value);
        }
    }

    private UpdateValue SetValue()
    {
        var left = SetOperand();
        if (Peek.Kind == TokenKind.Symbol && Peek.Text is "+" or "-")
        {
            var op = Take().Text[0];
            return new Arithmetic(left, op, SetOperand());
        }

        return left;
    }

    private UpdateValue SetOperand()
    {
        if (Peek.Is("if_not_exists") && _tokens[_next + 1].Is("("))
        {
            _next += 2;
            var path = Path();
            Expect(",");
            var fallback = SetValue();
            Expect(")");
            return new IfNotExists(path, fallback);
        }

        if (Peek.Is("list_append") && _tokens[_next + 1].Is("("))
        {
            _next += 2;
            var first = SetValue();
            Expect(",");
            var second = SetValue();
            Expect(")");
            return new ListAppend(first, second);
        }

        return new OperandValue(Operand());
    }
}
