using YamlDotNet.RepresentationModel;

namespace OutpostServerless.Cli.Sam;

/// <summary>
/// The parts of template.yaml that the local run needs, read the way SAM reads them: each function's
/// <c>Handler</c> (Globals included) and the state machine's <c>DefinitionUri</c> with its
/// <c>DefinitionSubstitutions</c> resolved. A function's ARN is
/// <c>arn:aws:lambda:{region}:{account}:function:{LogicalId}</c>, so an invoked ARN leads back to the
/// function that declared it.
/// </summary>
public sealed record SamTemplate(
    string Directory,
    IReadOnlyDictionary<string, SamFunction> Functions,
    IReadOnlyDictionary<string, SamStateMachine> StateMachines)
{
    private const string FunctionType = "AWS::Serverless::Function";
    private const string StateMachineType = "AWS::Serverless::StateMachine";

    public static SamTemplate Load(string path, SamEnvironment environment)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        var root = stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode mapping
            ? mapping
            : throw new SamTemplateException(path, "the template is not one YAML mapping");
        var resources = Child(root, "Resources") as YamlMappingNode
            ?? throw new SamTemplateException(path, "Resources is missing");
        var globalHandler = Scalar(Child(Child(Child(root, "Globals"), "Function"), "Handler"));

        var functions = new Dictionary<string, SamFunction>(StringComparer.Ordinal);
        var stateMachines = new Dictionary<string, SamStateMachine>(StringComparer.Ordinal);
        foreach (var (key, value) in resources.Children)
        {
            var logicalId = ((YamlScalarNode)key).Value!;
            var properties = Child(value, "Properties");
            switch (Scalar(Child(value, "Type")))
            {
                case FunctionType:
                    var handler = Scalar(Child(properties, "Handler")) ?? globalHandler
                        ?? throw new SamTemplateException(path, $"{logicalId}: Properties.Handler is missing");
                    functions[logicalId] = new SamFunction(logicalId, handler, environment.FunctionArn(logicalId));
                    break;
                case StateMachineType:
                    stateMachines[logicalId] = ReadStateMachine(path, logicalId, properties, resources, environment);
                    break;
            }
        }

        return new SamTemplate(Path.GetDirectoryName(Path.GetFullPath(path))!, functions, stateMachines);
    }

    public bool TryFunctionByArn(string arn, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SamFunction? function)
    {
        function = Functions.Values.FirstOrDefault(candidate => candidate.Arn == arn);
        return function is not null;
    }

    /// <summary>The definition text with every <c>${Name}</c> replaced, as SAM does before deploying it.</summary>
    public string DefinitionOf(string stateMachineLogicalId)
    {
        var machine = StateMachines.TryGetValue(stateMachineLogicalId, out var found)
            ? found
            : throw new SamTemplateException("template.yaml", $"no state machine named {stateMachineLogicalId}");
        var text = File.ReadAllText(Path.Combine(Directory, machine.DefinitionUri));
        foreach (var (name, value) in machine.Substitutions)
        {
            text = text.Replace("${" + name + "}", value, StringComparison.Ordinal);
        }

        var unresolved = System.Text.RegularExpressions.Regex.Match(text, @"\$\{[A-Za-z0-9_]+\}");
        return unresolved.Success
            ? throw new SamTemplateException(machine.DefinitionUri, $"{unresolved.Value} has no DefinitionSubstitutions entry in {stateMachineLogicalId}")
            : text;
    }

    private static SamStateMachine ReadStateMachine(string path, string logicalId, YamlNode? properties, YamlMappingNode resources, SamEnvironment environment)
    {
        var uri = Scalar(Child(properties, "DefinitionUri"))
            ?? throw new SamTemplateException(path, $"{logicalId}: only a local DefinitionUri is supported locally");
        var substitutions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Child(properties, "DefinitionSubstitutions") is YamlMappingNode entries)
        {
            foreach (var (key, value) in entries.Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                substitutions[name] = Resolve(path, $"{logicalId}.DefinitionSubstitutions.{name}", value, resources, environment);
            }
        }

        return new SamStateMachine(logicalId, uri, substitutions, environment.StateMachineArn(logicalId));
    }

    /// <summary>A plain value, <c>!GetAtt Function.Arn</c> or <c>!Ref Function</c> (long forms too).</summary>
    private static string Resolve(string path, string where, YamlNode value, YamlMappingNode resources, SamEnvironment environment)
    {
        var (function, target) = (value, TagOf(value)) switch
        {
            (YamlScalarNode getAtt, "!GetAtt") => ("Fn::GetAtt", getAtt.Value!),
            (YamlScalarNode reference, "!Ref") => ("Ref", reference.Value!),
            (YamlSequenceNode getAtt, "!GetAtt") => ("Fn::GetAtt", string.Join('.', getAtt.Children.Select(Scalar))),
            (YamlMappingNode { Children.Count: 1 } longForm, null) when Scalar(longForm.Children.Keys.Single()) is "Fn::GetAtt" or "Ref" =>
                (Scalar(longForm.Children.Keys.Single())!, longForm.Children.Values.Single() is YamlSequenceNode parts
                    ? string.Join('.', parts.Children.Select(Scalar))
                    : Scalar(longForm.Children.Values.Single())!),
            (YamlScalarNode plain, null) => ("", plain.Value ?? ""),
            _ => throw new SamTemplateException(path, $"{where}: only plain values, !GetAtt X.Arn and !Ref X are supported locally"),
        };
        if (function == "")
        {
            return target;
        }

        var logicalId = function == "Fn::GetAtt" ? target.Split('.')[0] : target;
        var isFunction = Scalar(Child(Child(resources, logicalId), "Type")) == FunctionType;
        return isFunction && (function == "Ref" || target.EndsWith(".Arn", StringComparison.Ordinal))
            ? function == "Ref" ? logicalId : environment.FunctionArn(logicalId)
            : throw new SamTemplateException(path, $"{where}: {target} is not a function's Arn or Ref");
    }

    /// <summary>A CloudFormation short-form tag such as <c>!GetAtt</c>, or null for a plain node.</summary>
    private static string? TagOf(YamlNode node) => node.Tag.IsEmpty || node.Tag.IsNonSpecific ? null : node.Tag.Value;

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;
}

/// <summary>A function resource: its logical id, its handler (the step it runs) and its local ARN.</summary>
public sealed record SamFunction(string LogicalId, string Handler, string Arn);

/// <summary>A state machine resource with its substitutions resolved to local values.</summary>
public sealed record SamStateMachine(string LogicalId, string DefinitionUri, IReadOnlyDictionary<string, string> Substitutions, string Arn);
