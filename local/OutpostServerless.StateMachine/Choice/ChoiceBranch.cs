namespace OutpostServerless.StateMachine.Choice;

/// <summary>A top-level entry of a Choice state's Choices: a rule and the state to go to when it matches.</summary>
internal sealed record ChoiceBranch(ChoiceRule Rule, string Next);
