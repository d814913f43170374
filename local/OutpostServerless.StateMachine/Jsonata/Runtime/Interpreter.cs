using OutpostServerless.StateMachine.Jsonata.Functions;
using OutpostServerless.StateMachine.Jsonata.Syntax;

namespace OutpostServerless.StateMachine.Jsonata.Runtime;

/// <summary>
/// Evaluates a parsed JSONata expression with jsonata-js's semantics: paths map over sequences and
/// flatten, a sequence of one value is that value, undefined (C# null) propagates, filters index or test.
/// </summary>
internal sealed class Interpreter(JsonataEnvironment environment)
{
    /// <summary>Deeper nesting than this is refused rather than overflowing the stack (AWS refuses past its own depth limit too).</summary>
    private const int MaxDepth = 1000;

    private int _depth;

    public JsonataEnvironment Environment { get; } = environment;

    public object? Evaluate(Node node, object? input, Frame frame)
    {
        if (++_depth > MaxDepth)
        {
            _depth = 0;
            throw new JsonataException("U1001", $"Stack overflow error: Check for non-terminating recursive function.  Consider rewriting as tail-recursive. Depth={MaxDepth + 1} max={MaxDepth}", node.Position);
        }

        try
        {
            var result = node switch
            {
                PathNode path => EvaluatePath(path, input, frame),
                BinaryNode binary => EvaluateBinary(binary, input, frame),
                NegateNode negate => Negate(negate, input, frame),
                NameNode name => Values.Lookup(input, name.Name),
                LiteralNode literal => literal.Value,
                WildcardNode => Wildcard(input),
                DescendantNode => Descendants(input),
                ArrayNode array => ArrayConstructor(array, input, frame),
                ObjectNode obj => Group(obj, input, frame),
                ConditionNode condition => Values.Truthy(Evaluate(condition.Condition, input, frame))
                    ? Evaluate(condition.Then, input, frame)
                    : condition.Otherwise is null ? null : Evaluate(condition.Otherwise, input, frame),
                BlockNode block => Block(block, input, frame),
                BindNode bind => Bind(bind, input, frame),
                VariableNode variable => Variable(variable, input, frame),
                RegexNode regex => new RegexFunction(regex.Regex),
                LambdaNode lambda => new Lambda(lambda, frame, input),
                CallNode call => Call(call, input, frame, chained: null, hasChained: false),
                ApplyNode apply => Chain(apply, input, frame),
                PlaceholderNode => throw new JsonataException("S0211", "The symbol ? can only be used as a function argument", node.Position),
                _ => throw new JsonataException("S0206", $"Unknown expression type: {node.GetType().Name}", node.Position),
            };

            if (node.Predicates is { } predicates)
            {
                foreach (var predicate in predicates)
                {
                    result = Filter(predicate, result, frame);
                }
            }

            if (node is not PathNode && node.Group is { } group)
            {
                result = Group(group, result, frame);
            }

            if (result is JArray { IsSequence: true } sequence)
            {
                if (node.KeepArray)
                {
                    sequence.KeepSingleton = true;
                }

                if (sequence.Count == 0)
                {
                    result = null;
                }
                else if (sequence.Count == 1 && !sequence.KeepSingleton)
                {
                    result = sequence[0];
                }
            }

            return result;
        }
        finally
        {
            if (_depth > 0)
            {
                _depth--;
            }
        }
    }

    /// <summary>Calls a function value (a higher-order function's callback) with as many of the arguments as it takes.</summary>
    public object? CallBack(JFunction function, object? context, params object?[] arguments)
    {
        var count = Math.Min(function.Arity, arguments.Length);
        return function.Invoke(this, count == arguments.Length ? arguments : arguments[..count], context);
    }

    public static object? Apply(Interpreter interpreter, object? procedure, IReadOnlyList<object?> arguments, object? input, int position) =>
        procedure is JFunction function
            ? function.Invoke(interpreter, arguments, input)
            : throw new JsonataException("T1006", "Attempted to invoke a non-function", position);

    private static JArray SequenceOf(object? input)
    {
        var sequence = JArray.Sequence();
        sequence.Add(input);
        return sequence;
    }

    private object? EvaluatePath(PathNode path, object? input, Frame frame)
    {
        var inputSequence = input is JArray array && path.Steps[0] is not VariableNode ? array : SequenceOf(input);
        object? result = null;
        for (var i = 0; i < path.Steps.Count; i++)
        {
            var step = path.Steps[i];
            result = i == 0 && step is ArrayNode { ConsArray: true }
                ? Evaluate(step, inputSequence, frame)
                : EvaluateStep(step, inputSequence, frame, i == path.Steps.Count - 1);
            if (result is null || result is JArray { Count: 0 })
            {
                break;
            }

            inputSequence = result as JArray ?? SequenceOf(result);
        }

        if (path.KeepSingletonArray)
        {
            if (result is JArray { Cons: true, IsSequence: false } constructed)
            {
                result = SequenceOf(constructed);
            }

            if (result is JArray kept)
            {
                kept.KeepSingleton = true;
            }
        }

        if (path.Group is { } group)
        {
            result = Group(group, result, frame);
        }

        return result;
    }

    private JArray EvaluateStep(Node step, JArray input, Frame frame, bool lastStep)
    {
        if (step is SortNode sort)
        {
            var sorted = Sort(sort, input, frame);
            if (step.Stages is { } sortStages)
            {
                object? filtered = sorted;
                foreach (var stage in sortStages)
                {
                    filtered = Filter(stage, filtered, frame);
                }

                return filtered as JArray ?? SequenceOf(filtered);
            }

            return sorted;
        }

        var results = new List<object?>(input.Count);
        foreach (var item in input)
        {
            var value = Evaluate(step, item, frame);
            if (step.Stages is { } stages)
            {
                foreach (var stage in stages)
                {
                    value = Filter(stage, value, frame);
                }
            }

            if (value is not null)
            {
                results.Add(value);
            }
        }

        if (lastStep && results.Count == 1 && results[0] is JArray { IsSequence: false } single)
        {
            return single;
        }

        var sequence = JArray.Sequence();
        foreach (var value in results)
        {
            if (value is JArray { Cons: false } inner)
            {
                sequence.AddRange(inner);
            }
            else
            {
                sequence.Add(value);
            }
        }

        return sequence;
    }

    private JArray Filter(Node predicate, object? input, Frame frame)
    {
        var results = JArray.Sequence();
        if (input is null)
        {
            return results;
        }

        var items = input as JArray ?? SequenceOf(input);
        if (predicate is LiteralNode { Value: double number })
        {
            var index = (int)Math.Floor(number);
            if (index < 0)
            {
                index += items.Count;
            }

            if (index >= 0 && index < items.Count)
            {
                if (items[index] is JArray inner)
                {
                    return inner;
                }

                results.Add(items[index]);
            }

            return results;
        }

        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var test = Evaluate(predicate, item, frame);
            if (test is double d)
            {
                test = new JArray { d };
            }

            if (test is JArray { Count: > 0 } numbers && numbers.TrueForAll(n => n is double))
            {
                foreach (var n in numbers)
                {
                    var at = (int)Math.Floor((double)n!);
                    if (at < 0)
                    {
                        at += items.Count;
                    }

                    if (at == index)
                    {
                        results.Add(item);
                    }
                }
            }
            else if (Values.Truthy(test))
            {
                results.Add(item);
            }
        }

        return results;
    }

    private static JArray Wildcard(object? input)
    {
        var results = JArray.Sequence();
        if (input is JObject obj)
        {
            foreach (var (_, value) in obj)
            {
                if (value is JArray array)
                {
                    Flatten(array, results);
                }
                else
                {
                    results.Add(value);
                }
            }
        }

        return results;
    }

    private static void Flatten(JArray array, JArray into)
    {
        foreach (var item in array)
        {
            if (item is JArray inner)
            {
                Flatten(inner, into);
            }
            else
            {
                into.Add(item);
            }
        }
    }

    private static object? Descendants(object? input)
    {
        if (input is null)
        {
            return null;
        }

        var results = JArray.Sequence();
        Collect(input, results);
        return results.Count == 1 ? results[0] : results;
    }

    private static void Collect(object? input, JArray results)
    {
        if (input is not JArray)
        {
            results.Add(input);
        }

        switch (input)
        {
            case JArray array:
                foreach (var item in array)
                {
                    Collect(item, results);
                }

                break;
            case JObject obj:
                foreach (var (_, value) in obj)
                {
                    Collect(value, results);
                }

                break;
        }
    }

    private JArray ArrayConstructor(ArrayNode array, object? input, Frame frame)
    {
        var result = new JArray { Cons = array.ConsArray };
        foreach (var item in array.Items)
        {
            var value = Evaluate(item, input, frame);
            if (value is null)
            {
                continue;
            }

            if (item is ArrayNode || value is not JArray values)
            {
                result.Add(value);
            }
            else
            {
                result.AddRange(values);
            }
        }

        return result;
    }

    private JObject Group(ObjectNode group, object? input, Frame frame)
    {
        var items = input as JArray ?? SequenceOf(input);
        if (items.Count == 0)
        {
            items = SequenceOf(null);
        }

        var groups = new OrderedDictionary<string, (object? Data, int Pair)>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            for (var pair = 0; pair < group.Pairs.Count; pair++)
            {
                var key = Evaluate(group.Pairs[pair].Key, item, frame);
                if (key is null)
                {
                    continue;
                }

                if (key is not string name)
                {
                    throw new JsonataException("T1003", $"Key in object structure must evaluate to a string; got: {Values.Stringify(key)}", group.Position);
                }

                if (groups.TryGetValue(name, out var existing))
                {
                    if (existing.Pair != pair)
                    {
                        throw new JsonataException("D1009", $"Multiple key definitions evaluate to same key: {name}", group.Position);
                    }

                    groups[name] = (Builtins.Append(existing.Data, item), pair);
                }
                else
                {
                    groups[name] = (item, pair);
                }
            }
        }

        var result = new JObject();
        foreach (var (name, (data, pair)) in groups)
        {
            var value = Evaluate(group.Pairs[pair].Value, data, frame);
            if (value is not null)
            {
                result[name] = value;
            }
        }

        return result;
    }

    private object? Block(BlockNode block, object? input, Frame frame)
    {
        var scope = new Frame(frame);
        object? result = null;
        foreach (var expression in block.Expressions)
        {
            result = Evaluate(expression, input, scope);
        }

        return result;
    }

    private object? Bind(BindNode bind, object? input, Frame frame)
    {
        var value = Evaluate(bind.Value, input, frame);
        frame.Bind(bind.Variable, value);
        return value;
    }

    private static object? Variable(VariableNode variable, object? input, Frame frame)
    {
        if (variable.Name.Length == 0)
        {
            return input is JArray { OuterWrapper: true, Count: > 0 } wrapped ? wrapped[0] : input;
        }

        if (frame.TryLookup(variable.Name, out var value))
        {
            return value;
        }

        return FunctionLibrary.TryGet(variable.Name, out var function) ? function : null;
    }

    private object? Negate(NegateNode negate, object? input, Frame frame)
    {
        var value = Evaluate(negate.Operand, input, frame);
        return value switch
        {
            null => null,
            double number => -number,
            _ => throw new JsonataException("D1002", $"Cannot negate a non-numeric value: {Values.Stringify(value)}", negate.Position),
        };
    }

    private object? Call(CallNode call, object? input, Frame frame, object? chained, bool hasChained)
    {
        var procedure = Evaluate(call.Procedure, input, frame);
        if (procedure is null && call.Procedure is PathNode { Steps: [NameNode name] } && FunctionLibrary.TryGet(name.Name, out _))
        {
            throw new JsonataException("T1005", $"Attempted to invoke a non-function. Did you mean ${name.Name}?", call.Position);
        }

        var arguments = new List<object?>();
        var placeholders = new List<bool>();
        if (hasChained)
        {
            arguments.Add(chained);
            placeholders.Add(false);
        }

        foreach (var argument in call.Arguments)
        {
            var isPlaceholder = argument is PlaceholderNode;
            placeholders.Add(isPlaceholder);
            arguments.Add(isPlaceholder ? null : Evaluate(argument, input, frame));
        }

        if (call.IsPartial)
        {
            return procedure is JFunction function
                ? new PartialFunction(function, arguments, placeholders)
                : throw new JsonataException("T1008", "Attempted to partially apply a non-function", call.Position);
        }

        return Apply(this, procedure, arguments, input, call.Position);
    }

    private object? Chain(ApplyNode apply, object? input, Frame frame)
    {
        var left = Evaluate(apply.Left, input, frame);
        // A call with placeholders is a partial application (a function value), not an invocation.
        if (apply.Right is CallNode call && !call.Arguments.Exists(a => a is PlaceholderNode))
        {
            return Call(call, input, frame, left, hasChained: true);
        }

        var function = Evaluate(apply.Right, input, frame) as JFunction
            ?? throw new JsonataException("T2006", "The right side of the function application operator ~> must be a function", apply.Position);
        if (left is JFunction first)
        {
            // f ~> g composes: the result applies f, then g.
            return new NativeFunction("composition", 1, (interpreter, args, context) =>
                function.Invoke(interpreter, [first.Invoke(interpreter, args, context)], context));
        }

        return function.Invoke(this, [left], input);
    }

    private JArray Sort(SortNode sort, JArray input, Frame frame)
    {
        var keyed = input.Select(item => (Item: item, Keys: sort.Terms.Select(t => Evaluate(t.Term, item, frame)).ToArray())).ToList();
        var ordered = keyed.Order(Comparer<(object? Item, object?[] Keys)>.Create((a, b) =>
        {
            for (var i = 0; i < sort.Terms.Count; i++)
            {
                var (x, y) = (a.Keys[i], b.Keys[i]);
                int order;
                if (x is null && y is null)
                {
                    continue;
                }

                if (x is null)
                {
                    order = 1;
                }
                else if (y is null)
                {
                    order = -1;
                }
                else
                {
                    order = (x, y) switch
                    {
                        (double m, double n) => m.CompareTo(n),
                        (string m, string n) => string.CompareOrdinal(m, n),
                        (double or string, double or string) => throw new JsonataException("T2007", $"Type mismatch when comparing values {Values.Stringify(x)} and {Values.Stringify(y)} in order-by clause", sort.Position),
                        _ => throw new JsonataException("T2008", "The expressions within an order-by clause must evaluate to numeric or string values", sort.Position),
                    };
                    if (sort.Terms[i].Descending)
                    {
                        order = -order;
                    }
                }

                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        }));
        var result = JArray.Sequence();
        result.AddRange(ordered.Select(p => p.Item));
        return result;
    }

    private object? EvaluateBinary(BinaryNode node, object? input, Frame frame)
    {
        if (node.Operator is "and" or "or")
        {
            var leftTruth = Values.Truthy(Evaluate(node.Left, input, frame));
            return node.Operator == "and"
                ? Values.Bool(leftTruth && Values.Truthy(Evaluate(node.Right, input, frame)))
                : Values.Bool(leftTruth || Values.Truthy(Evaluate(node.Right, input, frame)));
        }

        var left = Evaluate(node.Left, input, frame);
        var right = Evaluate(node.Right, input, frame);
        switch (node.Operator)
        {
            case "+" or "-" or "*" or "/" or "%":
                if (left is not null and not double)
                {
                    throw new JsonataException("T2001", $"The left side of the {node.Operator} operator must evaluate to a number", node.Position);
                }

                if (right is not null and not double)
                {
                    throw new JsonataException("T2002", $"The right side of the {node.Operator} operator must evaluate to a number", node.Position);
                }

                if (left is not double a || right is not double b)
                {
                    return null;
                }

                return node.Operator switch
                {
                    "+" => a + b,
                    "-" => a - b,
                    "*" => a * b,
                    "/" => a / b,
                    _ => a % b,
                };

            case "=" or "!=":
                if (left is null || right is null)
                {
                    return Values.False;
                }

                var equal = Values.DeepEquals(left, right);
                return Values.Bool(node.Operator == "=" ? equal : !equal);

            case "<" or "<=" or ">" or ">=":
                if (left is not (null or double or string) || right is not (null or double or string))
                {
                    throw new JsonataException("T2010", $"The expressions either side of operator {node.Operator} must evaluate to numeric or string values", node.Position);
                }

                if (left is null || right is null)
                {
                    return null;
                }

                var order = (left, right) switch
                {
                    (double x, double y) => x.CompareTo(y),
                    (string x, string y) => string.CompareOrdinal(x, y),
                    _ => throw new JsonataException("T2009", $"The values {Values.Stringify(left)} and {Values.Stringify(right)} either side of operator {node.Operator} must be of the same data type", node.Position),
                };
                return Values.Bool(node.Operator switch
                {
                    "<" => order < 0,
                    "<=" => order <= 0,
                    ">" => order > 0,
                    _ => order >= 0,
                });

            case "&":
                return (left is null ? string.Empty : Builtins.StringOf(left)) + (right is null ? string.Empty : Builtins.StringOf(right));

            case "in":
                if (left is null || right is null)
                {
                    return Values.False;
                }

                var candidates = right as JArray ?? [right];
                return Values.Bool(candidates.Exists(candidate => Values.DeepEquals(candidate, left)));

            case "..":
                if (left is not null && !Values.IsInteger(left))
                {
                    throw new JsonataException("T2003", "The left side of the range operator (..) must evaluate to an integer", node.Position);
                }

                if (right is not null && !Values.IsInteger(right))
                {
                    throw new JsonataException("T2004", "The right side of the range operator (..) must evaluate to an integer", node.Position);
                }

                if (left is not double from || right is not double to)
                {
                    return null;
                }

                if (from > to)
                {
                    return null;
                }

                var size = to - from + 1;
                if (size > 1e7)
                {
                    throw new JsonataException("D2014", $"The size of the sequence allocated by the range operator (..) must not exceed 1e7.  Attempted to allocate {size}.", node.Position);
                }

                var range = new JArray();
                for (var n = from; n <= to; n++)
                {
                    range.Add(n);
                }

                return range;

            default:
                throw new JsonataException("S0204", $"Unknown operator: {node.Operator}", node.Position);
        }
    }
}
