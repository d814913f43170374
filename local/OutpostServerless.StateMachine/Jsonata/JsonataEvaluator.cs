using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Jsonata.Runtime;
using OutpostServerless.StateMachine.Jsonata.Syntax;

namespace OutpostServerless.StateMachine;

/// <summary>
/// The built-in JSONata 2.0 evaluator: the whole expression language but the parent (<c>%</c>), focus
/// (<c>@</c>), index (<c>#</c>) and transform (<c>|…|</c>) operators; every JSONata function but <c>$eval</c>
/// (disabled by AWS), with Step Functions' additions ($partition, $range, $hash, $random(seed), $uuid, $parse).
/// </summary>
public sealed class JsonataEvaluator : IJsonataEvaluator
{
    /// <summary>
    /// Bindings already converted, by dictionary: the engine passes one dictionary to every expression of
    /// a state's step (e.g. all of its Assign values), so each value is converted once per step, and only
    /// if some expression reads it.
    /// </summary>
    private readonly ConditionalWeakTable<IReadOnlyDictionary<string, JsonNode?>, Dictionary<string, object?>> _converted = new();

    public IJsonataExpression Compile(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return new Expression(this, Parser.Parse(expression));
    }

    private (bool Found, object? Value) Resolve(IReadOnlyDictionary<string, JsonNode?> bindings, string name)
    {
        var cache = _converted.GetValue(bindings, static _ => new Dictionary<string, object?>(StringComparer.Ordinal));
        lock (cache)
        {
            if (cache.TryGetValue(name, out var converted))
            {
                return (true, converted);
            }

            if (!bindings.TryGetValue(name, out var node))
            {
                return (false, null);
            }

            converted = node is null ? JNull.Value : Values.FromJson(node);
            cache[name] = converted;
            return (true, converted);
        }
    }

    private sealed class Expression(JsonataEvaluator owner, Node root) : IJsonataExpression
    {
        public IReadOnlyList<string> TopLevelReferences { get; } = TopLevel.References(root);

        public bool TryEvaluate(IReadOnlyDictionary<string, JsonNode?> bindings, JsonataEnvironment environment, out JsonNode? result)
        {
            ArgumentNullException.ThrowIfNull(bindings);
            var frame = new Frame(null, name => owner.Resolve(bindings, name));
            var value = new Interpreter(environment).Evaluate(root, null, frame);
            if (value is null or JFunction)
            {
                result = null;
                return false;
            }

            result = Values.ToJson(value);
            return true;
        }
    }
}
