using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;

namespace OutpostServerless.StateMachine.Intrinsics;

/// <summary>A parsed intrinsic function call such as <c>States.Format('Hello {}', $.name)</c>.</summary>
internal sealed record IntrinsicCall(IntrinsicFunction Function, IReadOnlyList<IntrinsicArgument> Arguments, string Text)
{
    /// <summary>Evaluates the whole expression; errors name it as written, as AWS does, even when a nested call failed.</summary>
    public JsonNode? Evaluate(PathScope scope) => Evaluate(scope, this);

    public JsonNode? Evaluate(PathScope scope, IntrinsicCall expression)
    {
        var values = new JsonNode?[Arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Arguments[i].Evaluate(scope, expression);
        }

        return Function.Invoke(new IntrinsicInvocation(this, expression, values, scope.Random));
    }
}

/// <summary>One argument of an intrinsic call: a literal, a path, a context path or a nested call.</summary>
internal abstract record IntrinsicArgument
{
    /// <param name="expression">The outermost call, which error causes name.</param>
    public abstract JsonNode? Evaluate(PathScope scope, IntrinsicCall expression);
}

/// <summary>A string, number, boolean or null literal. <see cref="EscapedText"/> keeps a string's backslash escapes, which States.Format needs to tell <c>\{}</c> from <c>{}</c>.</summary>
internal sealed record LiteralArgument(JsonNode? Value, string? EscapedText) : IntrinsicArgument
{
    public override JsonNode? Evaluate(PathScope scope, IntrinsicCall expression) => JsonText.Clone(Value);
}

internal sealed record PathArgument(JsonPath Path) : IntrinsicArgument
{
    public override JsonNode? Evaluate(PathScope scope, IntrinsicCall expression)
    {
        if (scope.Select(Path, out var value))
        {
            return value;
        }

        // A missing path is a data error (States.Runtime), not a fault of the function. AWS words it so,
        // naming a context path as rewritten against its root and quoting the state input either way.
        var named = Path.IsContextPath ? Path.Text[1..] : Path.Text;
        throw StatesException.Runtime(
            $"The function '{expression.Text}' had the following error: The JsonPath argument for the field '{named}' could not be found in the input '{JsonText.Serialize(scope.Input)}'");
    }
}

internal sealed record CallArgument(IntrinsicCall Call) : IntrinsicArgument
{
    public override JsonNode? Evaluate(PathScope scope, IntrinsicCall expression) => Call.Evaluate(scope, expression);
}

/// <summary>The evaluated arguments handed to a function, with a way to report its failure.</summary>
internal sealed record IntrinsicInvocation(IntrinsicCall Call, IntrinsicCall Expression, IReadOnlyList<JsonNode?> Arguments, Random Random)
{
    public JsonNode? this[int index] => Arguments[index];

    public int Count => Arguments.Count;

    public StatesException Failure(string problem) =>
        new(StatesErrorNames.IntrinsicFailure, $"The function '{Expression.Text}' had the following error: {problem}");

    public string String(int index, string what)
    {
        if (JsonScalars.TryGetString(Arguments[index], out var s))
        {
            return s;
        }

        throw Failure($"{what} must be a string, got {JsonText.Serialize(Arguments[index])}");
    }

    public JsonArray Array(int index, string what) =>
        Arguments[index] as JsonArray ?? throw Failure($"{what} must be an array, got {JsonText.Serialize(Arguments[index])}");

    public long Integer(int index, string what)
    {
        if (JsonScalars.TryGetInteger(Arguments[index], out var n))
        {
            return n;
        }

        throw Failure($"{what} must be an integer, got {JsonText.Serialize(Arguments[index])}");
    }
}
