using System.Text.Json.Nodes;

namespace OutpostServerless.Emulator.Sam;

/// <summary>
/// An EventBridge rule with a target in the stack: a state machine's or a function's <c>EventBridgeRule</c> (or
/// <c>CloudWatchEvent</c>) event, or an <c>AWS::Events::Rule</c> target naming a state machine. The
/// pattern is the JSON EventBridge matches; the input is what the target receives.
/// </summary>
/// <param name="TargetLogicalId">The state machine the rule starts, or the function it invokes (<see cref="TargetKind"/>).</param>
public sealed record SamEventRule(
    string LogicalId,
    string RuleName,
    string RuleArn,
    string EventBusName,
    bool Enabled,
    JsonObject Pattern,
    string TargetLogicalId,
    SamTargetInput Input)
{
    public SamRuleTargetKind TargetKind { get; init; } = SamRuleTargetKind.StateMachine;
}

/// <summary>What a rule's target is: a state machine started with the input, or a function invoked with it (asynchronously, as EventBridge does).</summary>
public enum SamRuleTargetKind
{
    StateMachine,
    Function,
}

/// <summary>
/// What a rule's target receives: the whole event (all null), constant JSON text (<see cref="Input"/>),
/// the part of the event at a JSONPath (<see cref="InputPath"/>), or an <see cref="InputTransformer"/>.
/// EventBridge allows at most one of the three.
/// </summary>
public sealed record SamTargetInput(string? Input, string? InputPath, SamInputTransformer? InputTransformer);

/// <summary>Variables taken from the event by JSONPath, and the template they fill as <c>&lt;name&gt;</c>.</summary>
public sealed record SamInputTransformer(IReadOnlyDictionary<string, string> InputPathsMap, string InputTemplate);
