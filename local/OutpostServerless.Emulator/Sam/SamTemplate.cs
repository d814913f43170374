using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace OutpostServerless.Emulator.Sam;

/// <summary>
/// The parts of template.yaml that the local run and the local triggers need, read the way SAM and
/// CloudFormation read them: each function's <c>Handler</c> (Globals included), the state machine's
/// <c>DefinitionUri</c> with its <c>DefinitionSubstitutions</c> resolved, the API Gateway routes and the
/// EventBridge rules that start state machines, with parameters (defaults, or overrides as
/// <c>--parameter-overrides</c> gives them) and intrinsic functions evaluated for a local stack
/// (<see cref="SamEnvironment"/>). A function's ARN is <c>arn:aws:lambda:{region}:{account}:function:{LogicalId}</c>,
/// so an invoked ARN leads back to the function that declared it.
/// </summary>
public sealed record SamTemplate(
    string Directory,
    IReadOnlyDictionary<string, SamFunction> Functions,
    IReadOnlyDictionary<string, SamStateMachine> StateMachines)
{
    /// <summary>Every parameter with the value the local stack uses (null: no default and no override).</summary>
    public IReadOnlyDictionary<string, string?> Parameters { get; init; } = new Dictionary<string, string?>();

    /// <summary>The API Gateway methods, e.g. <c>POST /provisionings</c>.</summary>
    public IReadOnlyList<SamApiRoute> ApiRoutes { get; init; } = [];

    /// <summary>The EventBridge rules whose target is a state machine.</summary>
    public IReadOnlyList<SamEventRule> EventRules { get; init; } = [];

    /// <summary>The single-metric CloudWatch alarms (the capacity alarm among them).</summary>
    public IReadOnlyList<SamAlarm> Alarms { get; init; } = [];

    public SamEnvironment Environment { get; init; } = new("us-west-2", "123456789012");

    /// <summary>The stack's DynamoDB tables (the provisioning records), as CreateTable requests.</summary>
    public IReadOnlyList<Amazon.DynamoDBv2.Model.CreateTableRequest> Tables { get; init; } = [];

    /// <summary>
    /// Gives <paramref name="cloud"/> what the deployed stack owns outside the functions: its tables, ACTIVE, as
    /// CloudFormation leaves them (not calls of the workflow's, so not counted). Tables that exist are kept.
    /// </summary>
    public void DeployTo(OutpostServerless.Emulator.EmulatedCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        foreach (var table in Tables)
        {
            cloud.DeployTable(table);
        }
    }

    public static SamTemplate Load(string path, SamEnvironment environment) => Load(path, environment, parameterOverrides: null);

    /// <param name="parameterOverrides">Parameter values that replace the defaults, as <c>sam deploy --parameter-overrides</c>.</param>
    public static SamTemplate Load(string path, SamEnvironment environment, IReadOnlyDictionary<string, string>? parameterOverrides)
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
        var parameters = ReadParameters(path, Child(root, "Parameters") as YamlMappingNode, parameterOverrides ?? new Dictionary<string, string>(), environment);
        var listParameters = ((IEnumerable<KeyValuePair<YamlNode, YamlNode>>?)(Child(root, "Parameters") as YamlMappingNode)?.Children ?? [])
            .Where(p => Scalar(Child(p.Value, "Type")) is { } type && (type == "CommaDelimitedList" || type.StartsWith("List<", StringComparison.Ordinal)))
            .Select(p => ((YamlScalarNode)p.Key).Value!)
            .ToHashSet(StringComparer.Ordinal);
        var globalFunction = Child(Child(root, "Globals"), "Function");
        var resolver = new SamValueResolver(path, resources, parameters, environment, listParameters, Scalar(Child(globalFunction, "AutoPublishAlias")));
        var globalHandler = Scalar(Child(globalFunction, "Handler"));
        var conditions = new SamConditions(Child(root, "Conditions") as YamlMappingNode, resolver);

        var functions = new Dictionary<string, SamFunction>(StringComparer.Ordinal);
        var stateMachines = new Dictionary<string, SamStateMachine>(StringComparer.Ordinal);
        foreach (var (key, value) in resources.Children)
        {
            var logicalId = ((YamlScalarNode)key).Value!;
            var properties = Child(value, "Properties");
            switch (Scalar(Child(value, "Type")))
            {
                case SamTypes.Function:
                    var handler = Scalar(Child(properties, "Handler")) ?? globalHandler
                        ?? throw new SamTemplateException(path, $"{logicalId}: Properties.Handler is missing");
                    functions[logicalId] = ReadFunction(logicalId, handler, Child(properties, "Policies"), resolver, environment) with
                    {
                        TimeoutSeconds = FunctionLimit(path, logicalId, "Timeout", properties, globalFunction, LambdaDefaultTimeoutSeconds),
                        MemorySize = FunctionLimit(path, logicalId, "MemorySize", properties, globalFunction, LambdaDefaultMemorySize),
                        Variables = EnvironmentVariables(logicalId, properties, globalFunction, resolver),
                        Architectures = Architectures(logicalId, properties, globalFunction, resolver),
                        CodeUri = Scalar(Child(properties, "CodeUri")) ?? Scalar(Child(globalFunction, "CodeUri")),
                    };
                    break;
                case SamTypes.StateMachine:
                    stateMachines[logicalId] = ReadStateMachine(path, logicalId, properties, resolver, environment);
                    break;
            }
        }

        return new SamTemplate(Path.GetDirectoryName(Path.GetFullPath(path))!, functions, stateMachines)
        {
            Parameters = parameters,
            ApiRoutes = SamApiRoutes.Read(resources, resolver, environment),
            EventRules = SamEventRules.Read(resources, resolver, environment, conditions),
            Alarms = SamAlarms.Read(resources, resolver, environment, conditions),
            Tables = SamTables.Read(resources, resolver),
            Environment = environment,
        };
    }

    public bool TryFunctionByArn(string arn, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SamFunction? function)
    {
        // A version or alias ARN (function:Name:1, function:Name:live) invokes the same function.
        var unqualified = arn.Split(':') is { Length: 8 } parts ? string.Join(':', parts[..7]) : arn;
        function = Functions.Values.FirstOrDefault(candidate => candidate.Arn == unqualified);
        return function is not null;
    }

    /// <summary>The function a Lambda <c>FunctionName</c> names: its name or its ARN (qualified or not), as Lambda takes either.</summary>
    public bool TryFunctionByName(string functionName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SamFunction? function) =>
        TryFunctionByArn(functionName.StartsWith("arn:", StringComparison.Ordinal) ? functionName : Environment.FunctionArn(functionName), out function);

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

        var unresolved = Regex.Match(text, @"\$\{[A-Za-z0-9_]+\}");
        return unresolved.Success
            ? throw new SamTemplateException(machine.DefinitionUri, $"{unresolved.Value} has no DefinitionSubstitutions entry in {stateMachineLogicalId}")
            : text;
    }

    /// <summary>The state machine whose ARN is <paramref name="arn"/>, if the template has it.</summary>
    public bool TryStateMachineByArn(string arn, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SamStateMachine? machine)
    {
        machine = StateMachines.Values.FirstOrDefault(candidate => candidate.Arn == arn);
        return machine is not null;
    }

    private static Dictionary<string, string?> ReadParameters(string path, YamlMappingNode? declared, IReadOnlyDictionary<string, string> overrides, SamEnvironment environment)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in (IEnumerable<KeyValuePair<YamlNode, YamlNode>>?)declared?.Children ?? [])
        {
            var name = ((YamlScalarNode)key).Value!;
            values[name] = overrides.TryGetValue(name, out var given) ? Checked(path, name, value, given) : Scalar(Child(value, "Default")) ?? environment.LocalValueOf(name);
        }

        var unknown = overrides.Keys.FirstOrDefault(name => !values.ContainsKey(name));
        return unknown is null
            ? values
            : throw new SamTemplateException(path, $"--parameter-overrides names {unknown}, which is not a parameter of the template ({string.Join(", ", values.Keys)})");
    }

    /// <summary>An override checked as CloudFormation checks it: AllowedValues and AllowedPattern.</summary>
    private static string Checked(string path, string name, YamlNode declaration, string value)
    {
        if (Child(declaration, "AllowedValues") is YamlSequenceNode allowed && !allowed.Children.Any(a => Scalar(a) == value))
        {
            throw new SamTemplateException(path, $"parameter {name}: '{value}' is not one of {string.Join(", ", allowed.Children.Select(Scalar))}");
        }

        return Scalar(Child(declaration, "AllowedPattern")) is { } pattern && !Regex.IsMatch(value, pattern)
            ? throw new SamTemplateException(path, $"parameter {name}: '{value}' does not match AllowedPattern {pattern}")
            : value;
    }

    /// <summary>A function with its own policy statements (<c>Policies: - Statement: [...]</c>) and any other policies it names.</summary>
    private const int LambdaDefaultTimeoutSeconds = 3;
    private const int LambdaDefaultMemorySize = 128;

    /// <summary>A function's Timeout or MemorySize: its own, else Globals.Function's, else Lambda's default.</summary>
    private static int FunctionLimit(string path, string logicalId, string name, YamlNode? properties, YamlNode? globals, int lambdaDefault)
    {
        var text = Scalar(Child(properties, name)) ?? Scalar(Child(globals, name));
        if (text is null)
        {
            return lambdaDefault;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new SamTemplateException(path, $"{logicalId}: {name} '{text}' is not a positive whole number (only literal values are supported locally)");
    }

    /// <summary>Globals.Function.Environment.Variables overlaid with the function's own, intrinsics resolved (as CloudFormation merges them).</summary>
    private static Dictionary<string, string> EnvironmentVariables(string logicalId, YamlNode? properties, YamlNode? globals, SamValueResolver resolver)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in new[] { globals, properties })
        {
            if (Child(Child(source, "Environment"), "Variables") is YamlMappingNode entries)
            {
                foreach (var (key, value) in entries.Children)
                {
                    var name = ((YamlScalarNode)key).Value!;
                    variables[name] = resolver.ResolveString(value, $"{logicalId}.Environment.Variables.{name}");
                }
            }
        }

        return variables;
    }

    /// <summary>The function's <c>Architectures</c> (its own, else Globals'), parameters resolved; Lambda's default is x86_64.</summary>
    private static List<string> Architectures(string logicalId, YamlNode? properties, YamlNode? globals, SamValueResolver resolver) =>
        (Child(properties, "Architectures") ?? Child(globals, "Architectures")) is { } given
            ? resolver.Resolve(given, $"{logicalId}.Architectures") is JsonArray names ? names.Select(name => name?.GetValue<string>() ?? "").ToList() : []
            : ["x86_64"];

    private static SamFunction ReadFunction(string logicalId, string handler, YamlNode? policies, SamValueResolver resolver, SamEnvironment environment)
    {
        var statements = new List<JsonObject>();
        var references = new List<JsonNode>();
        var items = policies switch
        {
            null => [],
            YamlSequenceNode list => list.Children,
            _ => [policies],
        };
        foreach (var (item, i) in items.Select((item, i) => (item, i)))
        {
            var where = $"{logicalId}.Policies[{i}]";
            if (Child(item, "Statement") is { } statement)
            {
                var resolved = resolver.Resolve(statement, $"{where}.Statement");
                statements.AddRange(resolved is JsonArray many ? many.OfType<JsonObject>().Select(s => s.DeepClone().AsObject()) : resolved is JsonObject one ? [one] : []);
            }
            else if (resolver.Resolve(item, where) is { } reference)
            {
                references.Add(reference);
            }
        }

        return new SamFunction(logicalId, handler, environment.FunctionArn(logicalId)) { PolicyStatements = statements, OtherPolicies = references };
    }

    private static SamStateMachine ReadStateMachine(string path, string logicalId, YamlNode? properties, SamValueResolver resolver, SamEnvironment environment)
    {
        var uri = Scalar(Child(properties, "DefinitionUri"))
            ?? throw new SamTemplateException(path, $"{logicalId}: only a local DefinitionUri is supported locally");
        var substitutions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Child(properties, "DefinitionSubstitutions") is YamlMappingNode entries)
        {
            foreach (var (key, value) in entries.Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                substitutions[name] = resolver.ResolveString(value, $"{logicalId}.DefinitionSubstitutions.{name}");
            }
        }

        var machineName = Child(properties, "Name") is { } given ? resolver.ResolveString(given, $"{logicalId}.Name") : logicalId;
        return new SamStateMachine(logicalId, uri, substitutions, environment.StateMachineArn(machineName)) { Name = machineName };
    }

    internal static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    internal static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;
}

/// <summary>A function resource: its logical id, its handler (the step it runs) and its local ARN.</summary>
public sealed record SamFunction(string LogicalId, string Handler, string Arn)
{
    /// <summary>The IAM statements of its own role (<c>Policies: - Statement:</c>), intrinsics resolved.</summary>
    public IReadOnlyList<JsonObject> PolicyStatements { get; init; } = [];

    /// <summary>Every other entry of <c>Policies</c>: managed policy names or ARNs, SAM policy templates.</summary>
    public IReadOnlyList<JsonNode> OtherPolicies { get; init; } = [];

    /// <summary><c>Timeout</c> in seconds (Globals included; Lambda's default 3).</summary>
    public int TimeoutSeconds { get; init; } = 3;

    /// <summary><c>MemorySize</c> in MB (Globals included; Lambda's default 128).</summary>
    public int MemorySize { get; init; } = 128;

    /// <summary>Its environment variables (Globals overlaid with its own, parameters resolved).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary><c>Architectures</c> (Globals included, parameters resolved; Lambda's default <c>x86_64</c>).</summary>
    public IReadOnlyList<string> Architectures { get; init; } = ["x86_64"];

    /// <summary><c>CodeUri</c> as written (Globals included): the source directory, or in a built template the artifact's.</summary>
    public string? CodeUri { get; init; }
}

/// <summary>A state machine resource with its substitutions resolved to local values.</summary>
public sealed record SamStateMachine(string LogicalId, string DefinitionUri, IReadOnlyDictionary<string, string> Substitutions, string Arn)
{
    /// <summary>Its name (the resolved <c>Name</c> property, else the logical id), the last part of <see cref="Arn"/>.</summary>
    public string Name { get; init; } = LogicalId;

    /// <summary>The ARN of this state machine's execution named <paramref name="executionName"/>.</summary>
    public string ExecutionArn(string executionName) =>
        Arn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + executionName;
}
