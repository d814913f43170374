using System.Text.RegularExpressions;

namespace OutpostServerless.StateMachine.Jsonata.Syntax;

/// <summary>
/// A Pratt parser for JSONata 2.0 (operator binding powers as jsonata-js), building paths, stages and
/// groups directly. Not supported: the parent operator <c>%</c>, focus <c>@</c> and index <c>#</c>
/// bindings, and the transform operator <c>|…|…|</c>.
/// </summary>
internal sealed class Parser
{
    private static readonly Dictionary<string, int> BindingPowers = new(StringComparer.Ordinal)
    {
        ["."] = 75, ["["] = 80, ["]"] = 0, ["{"] = 70, ["}"] = 0, ["("] = 80, [")"] = 0, [","] = 0, ["@"] = 80, ["#"] = 80,
        [";"] = 80, [":"] = 80, ["?"] = 20, ["+"] = 50, ["-"] = 50, ["*"] = 60, ["/"] = 60, ["%"] = 60, ["|"] = 20,
        ["="] = 40, ["<"] = 40, [">"] = 40, ["^"] = 40, ["**"] = 60, [".."] = 20, [":="] = 10, ["!="] = 40, ["<="] = 40,
        [">="] = 40, ["~>"] = 40, ["and"] = 30, ["or"] = 25, ["in"] = 40, ["&"] = 50, ["!"] = 0, ["~"] = 0,
    };

    private readonly Lexer _lexer;
    private Token _current;

    private Parser(string text)
    {
        _lexer = new Lexer(text);
        _current = _lexer.Next(prefix: true);
    }

    public static Node Parse(string text)
    {
        var parser = new Parser(text);
        var node = parser.Expression(0);
        if (parser._current.Kind != TokenKind.End)
        {
            throw new JsonataException("S0201", $"Syntax error: {parser._current.Text}", parser._current.Position);
        }

        return node;
    }

    /// <summary>
    /// As jsonata-js: separators (<c>: ; ..</c>) are plain symbols that never continue an expression,
    /// whatever the operator table says; <c>..</c> only exists inside an array constructor.
    /// </summary>
    private static int LeftBindingPower(Token token) =>
        token.Kind == TokenKind.Operator && token.Text is not (":" or ";" or "..") && BindingPowers.TryGetValue(token.Text, out var power) ? power : 0;

    /// <summary>Takes the current token; <paramref name="operandNext"/> says whether a value (so possibly a regex) comes next.</summary>
    private Token Consume(bool operandNext)
    {
        var token = _current;
        _current = _lexer.Next(operandNext);
        return token;
    }

    private void Expect(string op, bool operandNext)
    {
        if (_current.Kind == TokenKind.End)
        {
            throw new JsonataException("S0203", $"Expected {op} before end of expression", _current.Position);
        }

        if (_current.Kind != TokenKind.Operator || _current.Text != op)
        {
            throw new JsonataException("S0202", $"Expected {op}, got {_current.Text}", _current.Position);
        }

        Consume(operandNext);
    }

    private bool At(string op) => _current.Kind == TokenKind.Operator && _current.Text == op;

    private Node Expression(int rightBindingPower)
    {
        var token = _current;
        if (token.Kind == TokenKind.End)
        {
            throw new JsonataException("S0207", "Unexpected end of expression", token.Position);
        }

        Consume(operandNext: token.Kind == TokenKind.Operator && token.Text is "-" or "(" or "[" or "{" or "~>" or "?");
        var left = Prefix(token);
        while (rightBindingPower < LeftBindingPower(_current))
        {
            var op = Consume(operandNext: true);
            left = Infix(op, left);
        }

        return left;
    }

    private Node Prefix(Token token)
    {
        switch (token.Kind)
        {
            case TokenKind.Number or TokenKind.String or TokenKind.Value:
                return new LiteralNode(token.Position, token.Value);
            case TokenKind.Regex:
                return new RegexNode(token.Position, (Regex)token.Value!);
            case TokenKind.Variable:
                return new VariableNode(token.Position, (string)token.Value!);
            case TokenKind.Name when token.Text is "function" or "λ" && At("("):
                return Lambda(token);
            case TokenKind.Name:
                return new PathNode(token.Position, [new NameNode(token.Position, token.Text)]);
        }

        switch (token.Text)
        {
            case "-":
                var operand = Expression(70);
                return operand is LiteralNode { Value: double number } ? new LiteralNode(token.Position, -number) : new NegateNode(token.Position, operand);
            case "*":
                return new PathNode(token.Position, [new WildcardNode(token.Position)]);
            case "**":
                return new PathNode(token.Position, [new DescendantNode(token.Position)]);
            case "(":
                return Block(token);
            case "[":
                return ArrayConstructor(token);
            case "{":
                return new ObjectNode(token.Position, Pairs());
            case "?":
                return new PlaceholderNode(token.Position);
            case "and" or "or" or "in":
                return new PathNode(token.Position, [new NameNode(token.Position, token.Text)]);
            case "%":
                throw new JsonataException("S0211", "The parent operator % is not supported by this JSONata engine", token.Position);
            case "|":
                throw new JsonataException("S0211", "The transform operator |...|...| is not supported by this JSONata engine", token.Position);
            default:
                throw new JsonataException("S0211", $"The symbol {token.Text} cannot be used as a unary operator", token.Position);
        }
    }

    private Node Infix(Token op, Node left)
    {
        switch (op.Text)
        {
            case ".":
                return MakePath(left, Expression(BindingPowers["."]));

            case "[":
                if (At("]"))
                {
                    Consume(operandNext: false);
                    MarkKeepArray(left);
                    return left;
                }

                var predicate = Expression(0);
                Expect("]", operandNext: false);
                AddFilter(left, predicate);
                return left;

            case "{":
                if (left.Group is not null)
                {
                    throw new JsonataException("S0210", "Each step can only have one grouping expression", op.Position);
                }

                left.Group = new ObjectNode(op.Position, Pairs());
                return left;

            case "(":
                var arguments = new List<Node>();
                if (!At(")"))
                {
                    while (true)
                    {
                        arguments.Add(Expression(0));
                        if (!At(","))
                        {
                            break;
                        }

                        Consume(operandNext: true);
                    }
                }

                Expect(")", operandNext: false);
                return new CallNode(op.Position, left, arguments);

            case "?":
                var then = Expression(0);
                Node? otherwise = null;
                if (At(":"))
                {
                    Consume(operandNext: true);
                    otherwise = Expression(0);
                }

                return new ConditionNode(op.Position, left, then, otherwise);

            case ":=":
                if (left is not VariableNode variable)
                {
                    throw new JsonataException("S0212", "The left side of := must be a variable name (start with $)", op.Position);
                }

                return new BindNode(op.Position, variable.Name, Expression(BindingPowers[":="] - 1));

            case "~>":
                return new ApplyNode(op.Position, left, Expression(BindingPowers["~>"]));

            case "^":
                return Sort(op, left);

            case "@" or "#":
                throw new JsonataException("S0204", $"The {op.Text} operator is not supported by this JSONata engine", op.Position);

            default:
                if (!BindingPowers.TryGetValue(op.Text, out var power) || op.Kind != TokenKind.Operator)
                {
                    throw new JsonataException("S0204", $"Unknown operator: {op.Text}", op.Position);
                }

                return new BinaryNode(op.Position, op.Text, left, Expression(power));
        }
    }

    private LambdaNode Lambda(Token token)
    {
        Expect("(", operandNext: true);
        var parameters = new List<string>();
        if (!At(")"))
        {
            while (true)
            {
                var parameter = Consume(operandNext: false);
                if (parameter.Kind != TokenKind.Variable)
                {
                    throw new JsonataException("S0208", $"Parameter {parameter.Text} of function definition must be a variable name (start with $)", parameter.Position);
                }

                parameters.Add((string)parameter.Value!);
                if (!At(","))
                {
                    break;
                }

                Consume(operandNext: true);
            }
        }

        Expect(")", operandNext: false);
        if (At("<"))
        {
            // A signature: checked loosely at call time by the argument count only.
            while (!At(">") && _current.Kind != TokenKind.End)
            {
                Consume(operandNext: false);
            }

            Expect(">", operandNext: false);
        }

        Expect("{", operandNext: true);
        var body = Expression(0);
        Expect("}", operandNext: false);
        return new LambdaNode(token.Position, parameters, body);
    }

    private BlockNode Block(Token token)
    {
        var expressions = new List<Node>();
        while (!At(")"))
        {
            expressions.Add(Expression(0));
            if (!At(";"))
            {
                break;
            }

            Consume(operandNext: true);
        }

        Expect(")", operandNext: false);
        return new BlockNode(token.Position, expressions);
    }

    private ArrayNode ArrayConstructor(Token token)
    {
        var items = new List<Node>();
        if (!At("]"))
        {
            while (true)
            {
                var item = Expression(0);
                if (At(".."))
                {
                    var range = Consume(operandNext: true);
                    item = new BinaryNode(range.Position, "..", item, Expression(0));
                }

                items.Add(item);
                if (!At(","))
                {
                    break;
                }

                Consume(operandNext: true);
            }
        }

        Expect("]", operandNext: false);
        return new ArrayNode(token.Position, items);
    }

    private List<(Node Key, Node Value)> Pairs()
    {
        var pairs = new List<(Node, Node)>();
        if (!At("}"))
        {
            while (true)
            {
                var key = Expression(0);
                Expect(":", operandNext: true);
                pairs.Add((key, Expression(0)));
                if (!At(","))
                {
                    break;
                }

                Consume(operandNext: true);
            }
        }

        Expect("}", operandNext: false);
        return pairs;
    }

    private PathNode Sort(Token op, Node left)
    {
        Expect("(", operandNext: true);
        var terms = new List<(bool, Node)>();
        while (true)
        {
            var descending = false;
            if (At("<"))
            {
                Consume(operandNext: true);
            }
            else if (At(">"))
            {
                Consume(operandNext: true);
                descending = true;
            }

            terms.Add((descending, Expression(0)));
            if (!At(","))
            {
                break;
            }

            Consume(operandNext: true);
        }

        Expect(")", operandNext: false);
        var path = left as PathNode ?? new PathNode(left.Position, [left]);
        path.Steps.Add(new SortNode(op.Position, terms));
        return path;
    }

    private static PathNode MakePath(Node left, Node right)
    {
        var path = left as PathNode ?? new PathNode(left.Position, [left]);
        if (right is PathNode rest && rest.Group is null && rest.Predicates is null)
        {
            path.Steps.AddRange(rest.Steps);
            path.KeepSingletonArray |= rest.KeepSingletonArray;
        }
        else
        {
            if (right.Predicates is { } predicates)
            {
                right.Stages = predicates;
                right.Predicates = null;
            }

            path.Steps.Add(right);
        }

        for (var i = 0; i < path.Steps.Count; i++)
        {
            switch (path.Steps[i])
            {
                case LiteralNode { Value: string name } literal:
                    var step = new NameNode(literal.Position, name) { Stages = literal.Stages ?? literal.Predicates, KeepArray = literal.KeepArray, Group = literal.Group };
                    path.Steps[i] = step;
                    break;
                case LiteralNode literal:
                    throw new JsonataException("S0213", $"The literal value {literal.Value} cannot be used as a step within a path expression", literal.Position);
            }
        }

        path.KeepSingletonArray |= path.Steps.Exists(s => s.KeepArray);
        if (path.Steps[0] is ArrayNode first)
        {
            first.ConsArray = true;
        }

        if (path.Steps[^1] is ArrayNode last)
        {
            last.ConsArray = true;
        }

        return path;
    }

    private static void AddFilter(Node left, Node predicate)
    {
        if (left is PathNode { Group: null } path)
        {
            var step = path.Steps[^1];
            if (step.Group is not null)
            {
                throw new JsonataException("S0209", "A predicate cannot follow a grouping expression in a step", predicate.Position);
            }

            (step.Stages ??= []).Add(predicate);
        }
        else
        {
            (left.Predicates ??= []).Add(predicate);
        }
    }

    private static void MarkKeepArray(Node left)
    {
        if (left is PathNode path)
        {
            path.Steps[^1].KeepArray = true;
            path.KeepSingletonArray = true;
        }
        else
        {
            left.KeepArray = true;
        }
    }
}
