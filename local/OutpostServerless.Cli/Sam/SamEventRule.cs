using System.Text.Json.Nodes;

namespace OutpostServerless.Cli.Sam;

/// <summary>
/// An EventBridge rule that starts a state machine: a state machine's <c>EventBridgeRule</c> (or
/// <c>CloudWatchEvent</c>) event, or an <c>AWS::Events::Rule</c> target naming a state machine. The
/// pattern is the JSON EventBridge matches; the input is what the target receives.
/// </summary>
public sealed record SamEventRule(
    string LogicalId,
    string RuleName,
    string RuleArn,
    string EventBusName,
    bool Enabled,
    JsonObject Pattern,
    string StateMachineLogicalId,
    SamTargetInput Input);

/// <summary>
/// What a rule's target receives: the whole event (all null), constant JSON text (<see cref="Input"/>),
/// the part of the event at a JSONPath (<see cref="InputPath"/>), or an <see cref="InputTransformer"/>.
/// EventBridge allows at most one of the three.
/// </summary>
public sealed record SamTargetInput(string? Input, string? InputPath, SamInputTransformer? InputTransformer);

/// <summary>Variables taken from the event by JSONPath, and the template they fill as <c>&lt;name&gt;</c>.</summary>
public sealed record SamInputTransformer(IReadOnlyDictionary<string, string> InputPathsMap, string InputTemplate);
