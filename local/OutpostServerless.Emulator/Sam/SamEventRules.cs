using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace OutpostServerless.Emulator.Sam;

/// <summary>
/// Reads the EventBridge rules with a target in the stack: a state machine's or a function's <c>EventBridgeRule</c> or
/// <c>CloudWatchEvent</c> events (what SAM turns into an <c>AWS::Events::Rule</c> with it as target), and plain
/// <c>AWS::Events::Rule</c> resources with a target whose <c>Arn</c> is a state machine. A resource whose
/// <c>Condition</c> is false is not created, so neither is its rule.
/// </summary>
internal static class SamEventRules
{
    private const string DefaultBus = "default";

    public static IReadOnlyList<SamEventRule> Read(YamlMappingNode resources, SamValueResolver resolver, SamEnvironment environment, SamConditions conditions)
    {
        var rules = new List<SamEventRule>();
        foreach (var (key, resource) in resources.Children)
        {
            var logicalId = ((YamlScalarNode)key).Value!;
            var properties = SamTemplate.Child(resource, "Properties");
            if (!conditions.Creates(resource))
            {
                continue;
            }

            switch (SamTemplate.Scalar(SamTemplate.Child(resource, "Type")))
            {
                case SamTypes.Function:
                    foreach (var (eventKey, eventNode) in (IEnumerable<KeyValuePair<YamlNode, YamlNode>>?)(SamTemplate.Child(properties, "Events") as YamlMappingNode)?.Children ?? [])
                    {
                        if (SamTemplate.Scalar(SamTemplate.Child(eventNode, "Type")) is "EventBridgeRule" or "CloudWatchEvent")
                        {
                            var id = logicalId + ((YamlScalarNode)eventKey).Value;
                            rules.Add(Rule(id, SamTemplate.Child(eventNode, "Properties"), "Pattern", "RuleName", SamTemplate.Child(eventNode, "Properties"), logicalId, resolver, environment)
                                with { TargetKind = SamRuleTargetKind.Function });
                        }
                    }

                    break;
                case SamTypes.StateMachine:
                    foreach (var (eventKey, eventNode) in (IEnumerable<KeyValuePair<YamlNode, YamlNode>>?)(SamTemplate.Child(properties, "Events") as YamlMappingNode)?.Children ?? [])
                    {
                        if (SamTemplate.Scalar(SamTemplate.Child(eventNode, "Type")) is "EventBridgeRule" or "CloudWatchEvent")
                        {
                            var id = logicalId + ((YamlScalarNode)eventKey).Value;
                            rules.Add(Rule(id, SamTemplate.Child(eventNode, "Properties"), "Pattern", "RuleName", SamTemplate.Child(eventNode, "Properties"), logicalId, resolver, environment));
                        }
                    }

                    break;
                case SamTypes.EventsRule:
                    foreach (var target in (SamTemplate.Child(properties, "Targets") as YamlSequenceNode)?.Children ?? [])
                    {
                        var targetId = SamValueResolver.ReferencedId(SamTemplate.Child(target, "Arn"));
                        if (SamTemplate.Scalar(SamTemplate.Child(SamTemplate.Child(resources, targetId ?? ""), "Type")) == SamTypes.StateMachine)
                        {
                            rules.Add(Rule(logicalId, properties, "EventPattern", "Name", target, targetId!, resolver, environment));
                        }
                    }

                    break;
            }
        }

        return rules;
    }

    private static SamEventRule Rule(
        string logicalId, YamlNode? rule, string patternKey, string nameKey, YamlNode? target, string stateMachine, SamValueResolver resolver, SamEnvironment environment)
    {
        var pattern = SamTemplate.Child(rule, patternKey) is { } patternNode ? resolver.Resolve(patternNode, $"{logicalId}.{patternKey}") : null;
        var name = SamTemplate.Child(rule, nameKey) is { } nameNode ? resolver.ResolveString(nameNode, $"{logicalId}.{nameKey}") : logicalId;
        var bus = SamTemplate.Child(rule, "EventBusName") is { } busNode ? resolver.ResolveString(busNode, $"{logicalId}.EventBusName") : DefaultBus;
        var state = SamTemplate.Child(rule, "State") is { } stateNode ? resolver.ResolveString(stateNode, $"{logicalId}.State") : "ENABLED";
        return new SamEventRule(
            logicalId,
            name,
            bus == DefaultBus ? environment.RuleArn(name) : environment.RuleArn($"{bus}/{name}"),
            bus,
            state == "ENABLED",
            pattern as JsonObject ?? throw new SamTemplateException("template.yaml", $"{logicalId}: {patternKey} must be a mapping"),
            stateMachine,
            TargetInput(logicalId, target, resolver));
    }

    private static SamTargetInput TargetInput(string logicalId, YamlNode? target, SamValueResolver resolver)
    {
        var input = SamTemplate.Child(target, "Input") is { } inputNode ? resolver.Resolve(inputNode, $"{logicalId}.Input") : null;
        var inputPath = SamTemplate.Child(target, "InputPath") is { } pathNode ? resolver.ResolveString(pathNode, $"{logicalId}.InputPath") : null;
        SamInputTransformer? transformer = null;
        if (SamTemplate.Child(target, "InputTransformer") is { } transformerNode)
        {
            var paths = resolver.Resolve(SamTemplate.Child(transformerNode, "InputPathsMap") ?? new YamlMappingNode(), $"{logicalId}.InputPathsMap") as JsonObject ?? [];
            transformer = new SamInputTransformer(
                paths.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "", StringComparer.Ordinal),
                SamTemplate.Child(transformerNode, "InputTemplate") is { } template
                    ? resolver.ResolveString(template, $"{logicalId}.InputTemplate")
                    : throw new SamTemplateException("template.yaml", $"{logicalId}: InputTransformer.InputTemplate is missing"));
        }

        // Input is JSON text; SAM also takes it as a mapping, which CloudFormation passes on as its JSON.
        var inputText = input switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            _ => input.ToJsonString(),
        };
        var given = new[] { inputText is not null, inputPath is not null, transformer is not null }.Count(g => g);
        return given <= 1
            ? new SamTargetInput(inputText, inputPath, transformer)
            : throw new SamTemplateException("template.yaml", $"{logicalId}: give at most one of Input, InputPath and InputTransformer");
    }
}
