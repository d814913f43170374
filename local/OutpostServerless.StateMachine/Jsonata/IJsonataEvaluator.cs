using System.Text.Json.Nodes;

namespace OutpostServerless.StateMachine;

/// <summary>
/// The JSONata implementation the engine evaluates <c>{% … %}</c> expressions with. The default,
/// <see cref="JsonataEvaluator"/>, is built in; another can be given to <see cref="StateMachineDefinition.Parse(string, IJsonataEvaluator)"/>.
/// </summary>
public interface IJsonataEvaluator
{
    /// <summary>Parses an expression once, so every evaluation reuses it.</summary>
    /// <exception cref="JsonataException">The expression is not valid JSONata (codes S0xxx).</exception>
    IJsonataExpression Compile(string expression);
}

/// <summary>A parsed JSONata expression.</summary>
public interface IJsonataExpression
{
    /// <summary>
    /// Evaluates with no context value (as Step Functions does) and <paramref name="bindings"/> as
    /// variables (<c>$states</c>, workflow variables). False when the result is undefined.
    /// Callers pass one unchanging dictionary (and unchanging JSON in it) to all the expressions of one
    /// step, so an evaluator may convert it once per dictionary instance.
    /// </summary>
    /// <exception cref="JsonataException">Evaluation failed (codes T…, D…, or the limits).</exception>
    bool TryEvaluate(IReadOnlyDictionary<string, JsonNode?> bindings, JsonataEnvironment environment, out JsonNode? result);

    /// <summary>
    /// The names a path reads from the missing context value at the top level (AWS refuses them at
    /// CreateStateMachine), and whether the expression uses <c>$</c> or <c>$$</c> there.
    /// </summary>
    IReadOnlyList<string> TopLevelReferences { get; }
}

/// <summary>What functions like <c>$now()</c>, <c>$random()</c> and <c>$uuid()</c> draw from: the execution's clock and random source.</summary>
public sealed record JsonataEnvironment(DateTimeOffset Now, Random Random);
