using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OutpostServerless.Emulator.Sam;

/// <summary>
/// Turns a piece of template.yaml into the JSON CloudFormation would hand to the resource, with the
/// intrinsic functions the template uses evaluated for a local stack: <c>Ref</c> (parameters, pseudo
/// parameters, resources), <c>Fn::GetAtt</c>, <c>Fn::Sub</c>, <c>Fn::Select</c>, <c>Fn::Split</c> and
/// <c>Fn::Join</c>, in short (<c>!Sub</c>) or long (<c>Fn::Sub:</c>) form. Plain scalars get YAML's
/// core types (a pattern's <c>5</c> is a number, <c>"5"</c> a string), as CloudFormation reads them.
/// </summary>
internal sealed partial class SamValueResolver(
    string file,
    YamlMappingNode resources,
    IReadOnlyDictionary<string, string?> parameters,
    SamEnvironment environment,
    IReadOnlySet<string> listParameters,
    string? globalAlias)
{
    private const string NoValue = "AWS::NoValue";

    /// <summary>The version a local stack publishes of every function.</summary>
    private const string LocalVersion = "1";

    // What Ref AWS::NoValue resolves to until the enclosing mapping or list drops it.
    private const string NoValueText = "\u0000AWS::NoValue";

    public JsonNode? Resolve(YamlNode node, string where) => (node, IntrinsicOf(node)) switch
    {
        (_, { } intrinsic) => Evaluate(intrinsic.Name, intrinsic.Argument, where),
        (YamlMappingNode mapping, null) => ResolveMapping(mapping, where),
        (YamlSequenceNode sequence, null) => new JsonArray([.. sequence.Children.Select((child, i) => Resolve(child, $"{where}[{i}]")).Where(v => !IsNoValue(v))]),
        (YamlScalarNode scalar, null) => Typed(scalar),
        _ => throw Problem(where, "is neither a value, a list nor a mapping"),
    };

    /// <summary>A value that must come out as text, as most CloudFormation properties take it.</summary>
    public string ResolveString(YamlNode node, string where) => Resolve(node, where) switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ => throw Problem(where, "must be a string"),
    };

    /// <summary>The logical ids a <c>Fn::Sub</c> string refers to with <c>${Id}</c> or <c>${Id.Attribute}</c>.</summary>
    public static IReadOnlyList<string> SubReferences(YamlNode node)
    {
        var template = IntrinsicOf(node) is { Name: "Fn::Sub" } sub
            ? sub.Argument is YamlSequenceNode { Children.Count: > 0 } list ? (list.Children[0] as YamlScalarNode)?.Value : (sub.Argument as YamlScalarNode)?.Value
            : null;
        return template is null ? [] : [.. SubVariable().Matches(template).Where(m => !m.Value.StartsWith("${!", StringComparison.Ordinal)).Select(m => m.Groups["name"].Value.Split('.')[0]).Distinct()];
    }

    /// <summary>The logical id a <c>Ref</c> or <c>Fn::GetAtt</c> names, or null for any other node.</summary>
    public static string? ReferencedId(YamlNode? node) => node is null ? null : IntrinsicOf(node) switch
    {
        { Name: "Ref", Argument: YamlScalarNode reference } => reference.Value,
        { Name: "Fn::GetAtt", Argument: YamlScalarNode getAtt } => getAtt.Value?.Split('.')[0],
        { Name: "Fn::GetAtt", Argument: YamlSequenceNode { Children.Count: > 0 } parts } => (parts.Children[0] as YamlScalarNode)?.Value,
        _ => null,
    };

    private JsonNode? Evaluate(string name, YamlNode argument, string where) => name switch
    {
        "Ref" => Ref(ScalarArgument(argument, where, name), where),
        "Fn::GetAtt" => GetAtt(argument, where),
        "Fn::Sub" => Sub(argument, where),
        "Fn::Select" => Select(argument, where),
        "Fn::Split" => Split(argument, where),
        "Fn::Join" => Join(argument, where),
        _ => throw Problem(where, $"{name} is not supported locally (Ref, Fn::GetAtt, Fn::Sub, Fn::Select, Fn::Split and Fn::Join are)"),
    };

    private JsonNode? Ref(string target, string where)
    {
        if (target == NoValue)
        {
            return NoValueText;
        }

        if (PseudoParameter(target) is { } pseudo)
        {
            return pseudo;
        }

        if (parameters.TryGetValue(target, out var value))
        {
            var text = value ?? throw Problem(where, $"parameter {target} has no Default; give it with --parameter-overrides {target}=VALUE");
            // CloudFormation gives a CommaDelimitedList (or List<…>) parameter as a list, its values trimmed.
            return listParameters.Contains(target)
                ? new JsonArray([.. text.Split(',').Select(item => (JsonNode)item.Trim())])
                : text;
        }

        // SAM's referenceable properties of a function with AutoPublishAlias: the version it published (a local
        // stack publishes each function once, as version 1) and its alias.
        if (target.Split('.') is [var function, var property and ("Version" or "Alias")] && TypeOf(function, where) == SamTypes.Function)
        {
            return $"{environment.FunctionArn(function)}:{(property == "Version" ? LocalVersion : AliasName(function, where))}";
        }

        return ResourceRef(target, where);
    }

    private string AliasName(string function, string where) =>
        SamTemplate.Child(SamTemplate.Child(resources, function), "Properties") is { } properties && SamTemplate.Child(properties, "AutoPublishAlias") is { } alias
            ? ResolveString(alias, $"{function}.AutoPublishAlias")
            : globalAlias ?? throw Problem(where, $"{function} has no AutoPublishAlias, so {function}.Alias does not exist");

    private string? PseudoParameter(string name) => name switch
    {
        "AWS::Region" => environment.Region,
        "AWS::AccountId" => environment.AccountId,
        "AWS::StackName" => environment.StackName,
        "AWS::Partition" => environment.Partition,
        "AWS::URLSuffix" => environment.UrlSuffix,
        "AWS::StackId" => $"arn:aws:cloudformation:{environment.Region}:{environment.AccountId}:stack/{environment.StackName}/local",
        _ => null,
    };

    /// <summary>What <c>Ref</c> returns for a resource of a local stack: a name or an ARN, by type.</summary>
    private string ResourceRef(string logicalId, string where) => TypeOf(logicalId, where) switch
    {
        SamTypes.Function => logicalId,
        SamTypes.StateMachine => environment.StateMachineArn(StateMachineName(logicalId)),
        SamTypes.Alarm => AlarmName(logicalId),
        SamTypes.LogGroup => NamedBy(logicalId, "LogGroupName"),
        SamTypes.Table => NamedBy(logicalId, "TableName"),
        _ => logicalId,
    };

    private string GetAtt(YamlNode argument, string where)
    {
        var parts = argument switch
        {
            YamlScalarNode { Value: { } text } when text.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot => [text[..dot], text[(dot + 1)..]],
            YamlSequenceNode { Children.Count: 2 } list => list.Children.Select(c => ResolveString(c, where)).ToArray(),
            _ => throw Problem(where, "Fn::GetAtt needs LogicalId.Attribute"),
        };
        return Attribute(parts[0], parts[1], where);
    }

    private string Attribute(string logicalId, string attribute, string where) => (TypeOf(logicalId, where), attribute) switch
    {
        (SamTypes.Function, "Arn") => environment.FunctionArn(logicalId),
        (SamTypes.StateMachine, "Arn") => environment.StateMachineArn(StateMachineName(logicalId)),
        (SamTypes.StateMachine, "Name") => StateMachineName(logicalId),
        (SamTypes.Alarm, "Arn") => environment.AlarmArn(AlarmName(logicalId)),
        (SamTypes.LogGroup, "Arn") => $"arn:aws:logs:{environment.Region}:{environment.AccountId}:log-group:{NamedBy(logicalId, "LogGroupName")}:*",
        (SamTypes.Table, "Arn") => $"arn:aws:dynamodb:{environment.Region}:{environment.AccountId}:table/{NamedBy(logicalId, "TableName")}",
        (SamTypes.RestApi, "RootResourceId") => SamTypes.RootResource,
        (SamTypes.Role, "Arn") => $"arn:aws:iam::{environment.AccountId}:role/{logicalId}",
        var (type, _) => throw Problem(where, $"{logicalId}.{attribute} ({type}) has no local value"),
    };

    private string Sub(YamlNode argument, string where)
    {
        var (template, variables) = argument switch
        {
            YamlScalarNode text => (text.Value ?? "", new Dictionary<string, string>(StringComparer.Ordinal)),
            YamlSequenceNode { Children.Count: 2 } list when list.Children[0] is YamlScalarNode text && list.Children[1] is YamlMappingNode map =>
                (text.Value ?? "", map.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ResolveString(e.Value, $"{where}.{((YamlScalarNode)e.Key).Value}"), StringComparer.Ordinal)),
            _ => throw Problem(where, "Fn::Sub needs a string, or a string and a mapping of variables"),
        };
        return SubVariable().Replace(template, match =>
        {
            var name = match.Groups["name"].Value;
            if (match.Value.StartsWith("${!", StringComparison.Ordinal))
            {
                return "${" + name[1..] + "}";
            }

            if (variables.TryGetValue(name, out var variable))
            {
                return variable;
            }

            var dot = name.IndexOf('.', StringComparison.Ordinal);
            return dot > 0 && PseudoParameter(name) is null
                ? Attribute(name[..dot], name[(dot + 1)..], where)
                : Ref(name, where) is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw Problem(where, $"${{{name}}} is not text");
        });
    }

    private JsonNode? Select(YamlNode argument, string where)
    {
        if (argument is not YamlSequenceNode { Children.Count: 2 } list)
        {
            throw Problem(where, "Fn::Select needs [index, list]");
        }

        var index = int.Parse(ResolveString(list.Children[0], where), CultureInfo.InvariantCulture);
        return Resolve(list.Children[1], where) is JsonArray items && index >= 0 && index < items.Count
            ? items[index]?.DeepClone()
            : throw Problem(where, $"Fn::Select index {index} is outside the list");
    }

    private JsonArray Split(YamlNode argument, string where) =>
        argument is YamlSequenceNode { Children.Count: 2 } list
            ? new JsonArray([.. ResolveString(list.Children[1], where).Split(ResolveString(list.Children[0], where)).Select(part => (JsonNode)part)])
            : throw Problem(where, "Fn::Split needs [delimiter, string]");

    private string Join(YamlNode argument, string where) =>
        argument is YamlSequenceNode { Children.Count: 2 } list && Resolve(list.Children[1], where) is JsonArray items
            ? string.Join(ResolveString(list.Children[0], where), items.Select(i => i is JsonValue v && v.TryGetValue<string>(out var s) ? s : i?.ToJsonString()))
            : throw Problem(where, "Fn::Join needs [delimiter, list]");

    private JsonObject ResolveMapping(YamlMappingNode mapping, string where)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            var resolved = Resolve(value, $"{where}.{name}");
            if (!IsNoValue(resolved))
            {
                result[name] = resolved;
            }
        }

        return result;
    }

    private string StateMachineName(string logicalId) =>
        Properties(logicalId)?.Children.TryGetValue(new YamlScalarNode("Name"), out var name) == true
            ? ResolveString(name, $"{logicalId}.Properties.Name")
            : logicalId;

    private string AlarmName(string logicalId) => NamedBy(logicalId, "AlarmName");

    private string NamedBy(string logicalId, string property) =>
        Properties(logicalId)?.Children.TryGetValue(new YamlScalarNode(property), out var name) == true
            ? ResolveString(name, $"{logicalId}.Properties.{property}")
            : logicalId;

    private YamlMappingNode? Properties(string logicalId) =>
        resources.Children.TryGetValue(new YamlScalarNode(logicalId), out var resource) && resource is YamlMappingNode mapping
        && mapping.Children.TryGetValue(new YamlScalarNode("Properties"), out var properties)
            ? properties as YamlMappingNode
            : null;

    private string TypeOf(string logicalId, string where) =>
        resources.Children.TryGetValue(new YamlScalarNode(logicalId), out var resource) && resource is YamlMappingNode mapping
        && mapping.Children.TryGetValue(new YamlScalarNode("Type"), out var type) && type is YamlScalarNode { Value: { } typeName }
            ? typeName
            : throw Problem(where, $"{logicalId} is neither a parameter nor a resource of the template");

    private string ScalarArgument(YamlNode argument, string where, string function) =>
        (argument as YamlScalarNode)?.Value ?? throw Problem(where, $"{function} needs a name");

    /// <summary>A short-form tag (<c>!Sub x</c>) or a one-key long form (<c>Fn::Sub: x</c>), as (function, argument).</summary>
    private static (string Name, YamlNode Argument)? IntrinsicOf(YamlNode node)
    {
        if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific && node.Tag.Value.StartsWith('!'))
        {
            var tag = node.Tag.Value[1..];
            return (tag == "Ref" ? "Ref" : "Fn::" + tag, node);
        }

        return node is YamlMappingNode { Children.Count: 1 } single
            && single.Children.Keys.Single() is YamlScalarNode { Value: "Ref" or "Fn::GetAtt" or "Fn::Sub" or "Fn::Select" or "Fn::Split" or "Fn::Join" or "Fn::If" or "Fn::FindInMap" or "Fn::ImportValue" or "Fn::Base64" } key
            ? (key.Value!, single.Children.Values.Single())
            : null;
    }

    private static JsonNode? Typed(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return text;
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            // Numbers as JSON text gives them, so they read back as any numeric type, like parsed JSON.
            _ when YamlInteger().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) =>
                JsonNode.Parse(integer.ToString(CultureInfo.InvariantCulture)),
            _ when YamlFloat().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) =>
                JsonNode.Parse(number.ToString("R", CultureInfo.InvariantCulture)),
            _ => text,
        };
    }

    private SamTemplateException Problem(string where, string problem) => new(file, $"{where}: {problem}");

    [GeneratedRegex(@"\$\{(?<name>!?[A-Za-z0-9_:.]+)\}")]
    private static partial Regex SubVariable();

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex YamlInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlFloat();

    private static bool IsNoValue(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text == NoValueText;
}
