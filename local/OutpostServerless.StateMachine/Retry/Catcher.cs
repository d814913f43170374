using OutpostServerless.StateMachine.Paths;

namespace OutpostServerless.StateMachine.Retry;

/// <summary>One entry of a state's Catch field: which errors it takes, where it goes, and where the Error Output lands (ResultPath, default <c>$</c>).</summary>
internal sealed record Catcher(IReadOnlyList<string> ErrorEquals, string Next, ResultPath ResultPath);
