using OutpostServerless.StateMachine.Jsonata.Syntax;

namespace OutpostServerless.StateMachine.Jsonata.Runtime;

/// <summary>A function value: a built-in, a lambda, a partial application, or a regex used as a matcher.</summary>
internal abstract class JFunction
{
    /// <summary>How many arguments higher-order functions pass it (value, index, array, …).</summary>
    public abstract int Arity { get; }

    public abstract object? Invoke(Interpreter interpreter, IReadOnlyList<object?> arguments, object? context);
}

/// <summary>A built-in function.</summary>
internal sealed class NativeFunction(string name, int arity, Func<Interpreter, IReadOnlyList<object?>, object?, object?> body) : JFunction
{
    public string Name { get; } = name;

    public override int Arity { get; } = arity;

    public override object? Invoke(Interpreter interpreter, IReadOnlyList<object?> arguments, object? context) => body(interpreter, arguments, context);
}

/// <summary><c>function($a, $b) { … }</c>, closing over the frame and context value it was defined in.</summary>
internal sealed class Lambda(LambdaNode node, Frame frame, object? context) : JFunction
{
    public override int Arity => node.Parameters.Count;

    public override object? Invoke(Interpreter interpreter, IReadOnlyList<object?> arguments, object? context1)
    {
        var scope = new Frame(frame);
        for (var i = 0; i < node.Parameters.Count; i++)
        {
            scope.Bind(node.Parameters[i], i < arguments.Count ? arguments[i] : null);
        }

        return interpreter.Evaluate(node.Body, context, scope);
    }
}

/// <summary><c>$f(?, 2)</c>: the function with some arguments fixed.</summary>
internal sealed class PartialFunction(JFunction function, IReadOnlyList<object?> fixedArguments, IReadOnlyList<bool> placeholders) : JFunction
{
    public override int Arity => placeholders.Count(p => p);

    public override object? Invoke(Interpreter interpreter, IReadOnlyList<object?> arguments, object? context)
    {
        var all = new List<object?>(fixedArguments.Count);
        var next = 0;
        for (var i = 0; i < fixedArguments.Count; i++)
        {
            all.Add(placeholders[i] ? (next < arguments.Count ? arguments[next++] : null) : fixedArguments[i]);
        }

        return function.Invoke(interpreter, all, context);
    }
}

/// <summary>A regex literal: as a function it gives the first match (an object with match, index, groups, next).</summary>
internal sealed class RegexFunction(System.Text.RegularExpressions.Regex regex) : JFunction
{
    public System.Text.RegularExpressions.Regex Regex { get; } = regex;

    public override int Arity => 1;

    public override object? Invoke(Interpreter interpreter, IReadOnlyList<object?> arguments, object? context) =>
        arguments.Count > 0 && arguments[0] is string text ? MatchObject(Regex.Match(text)) : null;

    /// <summary>
    /// The successive matches as jsonata-js walks them: from the end of the previous match, stopping at the
    /// end of the text; a later zero-length match would never progress, so it is an error (D1004).
    /// </summary>
    public IEnumerable<System.Text.RegularExpressions.Match> Matches(string text)
    {
        var match = Regex.Match(text);
        while (match.Success)
        {
            yield return match;
            var next = match.Index + match.Length;
            if (next >= text.Length)
            {
                yield break;
            }

            match = Regex.Match(text, next);
            if (match.Success && match.Length == 0)
            {
                throw new JsonataException("D1004", $"Regular expression matches zero length string");
            }
        }
    }

    public static JObject? MatchObject(System.Text.RegularExpressions.Match match)
    {
        if (!match.Success)
        {
            return null;
        }

        var groups = new JArray();
        for (var i = 1; i < match.Groups.Count; i++)
        {
            groups.Add(match.Groups[i].Value);
        }

        return new JObject { ["match"] = match.Value, ["index"] = (double)match.Index, ["groups"] = groups };
    }
}
