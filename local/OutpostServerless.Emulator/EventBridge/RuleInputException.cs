namespace OutpostServerless.Emulator.EventBridge;

/// <summary>A rule's target input that cannot be made for an event: EventBridge reports such a delivery as failed.</summary>
public sealed class RuleInputException(string problem) : Exception(problem);
