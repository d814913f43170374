using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace OutpostServerless.Emulator.Sam;

/// <summary>
/// The template's <c>Conditions</c>, evaluated as CloudFormation does against the parameter values
/// (<c>Fn::Equals</c>, <c>Fn::Not</c>, <c>Fn::And</c>, <c>Fn::Or</c>, <c>Condition</c>), so a resource whose
/// <c>Condition</c> is false is not part of the local stack either.
/// </summary>
internal sealed class SamConditions(YamlMappingNode? conditions, SamValueResolver resolver)
{
    /// <summary>Whether the resource exists: it names no condition, or its condition is true.</summary>
    public bool Creates(YamlNode resource) =>
        SamTemplate.Scalar(SamTemplate.Child(resource, "Condition")) is not { } name || IsTrue(name);

    public bool IsTrue(string name)
    {
        var definition = SamTemplate.Child(conditions, name)
            ?? throw new SamTemplateException("template.yaml", $"condition {name} is not defined under Conditions");
        return Evaluate(definition, $"Conditions.{name}");
    }

    private bool Evaluate(YamlNode node, string where)
    {
        var (function, argument) = FunctionOf(node) ?? throw new SamTemplateException("template.yaml", $"{where}: a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition");
        var items = (argument as YamlSequenceNode)?.Children ?? [];
        return function switch
        {
            "Fn::Equals" when items.Count == 2 => Text(resolver.Resolve(items[0], where)) == Text(resolver.Resolve(items[1], where)),
            "Fn::Not" when items.Count == 1 => !Evaluate(items[0], where),
            "Fn::And" when items.Count >= 2 => items.All(i => Evaluate(i, where)),
            "Fn::Or" when items.Count >= 2 => items.Any(i => Evaluate(i, where)),
            "Condition" when argument is YamlScalarNode { Value: { } other } => IsTrue(other),
            _ => throw new SamTemplateException("template.yaml", $"{where}: {function} has the wrong arguments"),
        };
    }

    private static (string Function, YamlNode Argument)? FunctionOf(YamlNode node)
    {
        if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific && node.Tag.Value.StartsWith('!'))
        {
            var tag = node.Tag.Value[1..];
            return (tag == "Condition" ? tag : "Fn::" + tag, node);
        }

        return node is YamlMappingNode { Children.Count: 1 } single && single.Children.Keys.Single() is YamlScalarNode { Value: { } key }
            ? (key, single.Children.Values.Single())
            : null;
    }

    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue scalar when scalar.TryGetValue<string>(out var text) => text,
        _ => value.ToJsonString(),
    };
}
