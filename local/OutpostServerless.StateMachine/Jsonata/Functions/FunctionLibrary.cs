using System.Collections.Frozen;
using OutpostServerless.StateMachine.Jsonata.Runtime;

namespace OutpostServerless.StateMachine.Jsonata.Functions;

/// <summary>
/// The built-in functions: JSONata 2.0's (without <c>$eval</c>, which Step Functions disables) and the
/// ones Step Functions adds (<c>$partition</c>, <c>$range</c>, <c>$hash</c>, <c>$random(seed)</c>, <c>$uuid</c>, <c>$parse</c>).
/// </summary>
internal static class FunctionLibrary
{
    private static readonly FrozenDictionary<string, JFunction> Functions = Build().ToFrozenDictionary(f => f.Name, f => (JFunction)f, StringComparer.Ordinal);

    public static bool TryGet(string name, out JFunction? function) => Functions.TryGetValue(name, out function);

    public static IEnumerable<string> Names => Functions.Keys;

    /// <param name="contextArguments">
    /// How many arguments must be given before the context value stops standing in for the first one
    /// (JSONata signatures marked <c>-</c>): <c>$uppercase()</c> uppercases the context.
    /// </param>
    public static NativeFunction Define(string name, int arity, Func<Interpreter, IReadOnlyList<object?>, object?, object?> body, int contextArguments = 0) =>
        new(name, arity, (interpreter, args, context) =>
        {
            // More arguments than the signature has is a signature error (T0410), as in jsonata-js.
            if (args.Count > arity)
            {
                throw Builtins.SignatureError("$" + name, arity);
            }

            return body(interpreter, contextArguments > 0 && args.Count < contextArguments ? [context, .. args] : args, context);
        });

    private static IEnumerable<NativeFunction> Build() =>
        StringFunctions.All()
            .Concat(NumericFunctions.All())
            .Concat(FormatFunctions.All())
            .Concat(AggregateFunctions.All())
            .Concat(ArrayFunctions.All())
            .Concat(ObjectFunctions.All())
            .Concat(DateTimeFunctions.All())
            .Concat(HigherOrderFunctions.All())
            .Concat(AwsFunctions.All());
}
