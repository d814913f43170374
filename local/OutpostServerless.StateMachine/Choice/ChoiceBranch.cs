using OutpostServerless.StateMachine.Queries;

namespace OutpostServerless.StateMachine.Choice;

/// <summary>
/// A top-level entry of a Choice state's Choices: a JSONPath rule or a JSONata Condition, the state to go to
/// when it matches, and the Assign (and, in JSONata, Output) that then replace the state's own.
/// </summary>
internal sealed record ChoiceBranch(ChoiceRule? Rule, string Next)
{
    public JsonataTemplate? Condition { get; init; }

    public Assignment? Assign { get; init; }

    public JsonataTemplate? Output { get; init; }
}
