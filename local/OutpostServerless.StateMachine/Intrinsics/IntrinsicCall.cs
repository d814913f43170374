using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Errors;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;

namespace OutpostServerless.StateMachine.Intrinsics;

/// <summary>A parsed intrinsic function call such as <c>States.Format('Hello {}', $.name)</c>.</summary>
internal sealed record IntrinsicCall(IntrinsicFunction Function, IReadOnlyList<IntrinsicArgument> Arguments, string Text)
{
    public JsonNode? Evaluate(PathScope scope)
    {
        var values = Arguments.Select(a => a.Evaluate(scope, this)).ToArray();
        return Function.Invoke(new IntrinsicInvocation(this, values, scope.Random));
    }
}

/// <summary>One argument of an intrinsic call: a literal, a path, a context path or a nested call.</summary>
internal abstract record IntrinsicArgument
{
    public abstract JsonNode? Evaluate(PathScope scope, IntrinsicCall call);
}

/// <summary>A string, number, boolean or null literal. <see cref="EscapedText"/> keeps a string's backslash escapes, which States.Format needs to tell <c>\{}</c> from <c>{}</c>.</summary>
internal sealed record LiteralArgument(JsonNode? Value, string? EscapedText) : IntrinsicArgument
{
    public override JsonNode? Evaluate(PathScope scope, IntrinsicCall call) => JsonText.Clone(Value);
}

internal sealed record PathArgument(JsonPath Path) : IntrinsicArgument
{
    public override JsonNode? Evaluate(PathScope scope, IntrinsicCall call)
    {
        var source = Path.IsContextPath ? scope.Context.Json : scope.Input;
        if (Path.TrySelect(source, out var value))
        {
            return value;
        }

        // A missing path is a data error like any other path failure, not a fault of the function.
        throw StatesException.Runtime(
            $"The JSONPath '{Path.Text}' specified in the function '{call.Text}' could not be found in the input '{JsonText.Serialize(source)}'");
    }
}

internal sealed record CallArgument(IntrinsicCall Call) : IntrinsicArgument
{
    public override JsonNode? Evaluate(PathScope scope, IntrinsicCall call) => Call.Evaluate(scope);
}

/// <summary>The evaluated arguments handed to a function, with a way to report its failure.</summary>
internal sealed record IntrinsicInvocation(IntrinsicCall Call, IReadOnlyList<JsonNode?> Arguments, Random Random)
{
    public JsonNode? this[int index] => Arguments[index];

    public int Count => Arguments.Count;

    public StatesException Failure(string problem) =>
        new(StatesErrorNames.IntrinsicFailure, $"The function '{Call.Text}' had the following error: {problem}");

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
