using OutpostServerless.StateMachine.Paths;
using OutpostServerless.StateMachine.Queries;

namespace OutpostServerless.StateMachine.Retry;

/// <summary>
/// One entry of a state's Catch field: which errors it takes, where it goes, and what becomes of the Error
/// Output: placed by ResultPath (JSONPath, default <c>$</c>) or shaped by Output (JSONata, default the Error
/// Output itself). Its Assign replaces the state's own.
/// </summary>
internal sealed record Catcher(IReadOnlyList<string> ErrorEquals, string Next, ResultPath ResultPath)
{
    /// <summary>The catcher's position in Catch, for naming its fields (<c>Catch[1]/Output</c>).</summary>
    public int Index { get; init; }

    public JsonataTemplate? Output { get; init; }

    public Assignment? Assign { get; init; }
}
