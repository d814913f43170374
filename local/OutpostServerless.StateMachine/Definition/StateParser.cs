using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Choice;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;
using OutpostServerless.StateMachine.Queries;
using OutpostServerless.StateMachine.Resources;
using OutpostServerless.StateMachine.States;

namespace OutpostServerless.StateMachine.Definition;

/// <summary>
/// Reads one state object into its typed <see cref="State"/>, reporting every invalid field. A state's query
/// language is its own QueryLanguage, else the machine's (also inside Map and Parallel, whose language the
/// States Language keeps independent of the states they run).
/// </summary>
internal sealed class StateParser(DefinitionProblems problems, ScopeParser scopes, QueryLanguage machineLanguage, JsonataCompiler compiler)
{
    private static readonly string[] Common = ["Type", "Comment", "QueryLanguage"];
    private static readonly string[] Shaping = ["Assign", "Output"];
    private static readonly string[] Flow = ["Next", "End"];
    private static readonly string[] Filters = ["InputPath", "OutputPath"];
    private static readonly string[] Results = ["ResultSelector", "ResultPath", "Retry", "Catch"];
    private static readonly string[] WaitDurations = ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"];

    // AWS "Fail workflow state": the intrinsics that return a string.
    private static readonly HashSet<string> FailIntrinsics = new(StringComparer.Ordinal)
    {
        "States.Format", "States.JsonToString", "States.ArrayGetItem", "States.Base64Encode", "States.Base64Decode", "States.Hash", "States.UUID",
    };

    private static readonly Dictionary<string, HashSet<string>> AllowedFields = new(StringComparer.Ordinal)
    {
        ["Task"] = Fields(Flow, Filters, Results, Shaping, ["Resource", "Parameters", "Arguments", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials"]),
        ["Pass"] = Fields(Flow, Filters, Shaping, ["Parameters", "Result", "ResultPath"]),
        ["Wait"] = Fields(Flow, Filters, Shaping, ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"]),
        ["Choice"] = Fields(Filters, Shaping, ["Choices", "Default"]),
        ["Parallel"] = Fields(Flow, Filters, Results, Shaping, ["Branches", "Parameters", "Arguments"]),
        ["Map"] = Fields(Flow, Filters, Results, Shaping, ["ItemsPath", "Items", "ItemSelector", "Parameters", "ItemProcessor", "Iterator", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount", "ToleratedFailureCountPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath"]),
        ["Succeed"] = Fields(Filters, ["Output"]),
        ["Fail"] = Fields(["Error", "ErrorPath", "Cause", "CausePath"]),
    };

    public State? Parse(string name, JsonNode? node)
    {
        var where = $"State '{name}'";
        if (node is not JsonObject obj)
        {
            problems.Add($"{where}: must be an object");
            return null;
        }

        var fields = new FieldReader(obj, where, problems);
        var type = fields.String("Type", required: true);
        if (type is null)
        {
            return null;
        }

        if (!AllowedFields.TryGetValue(type, out var allowed))
        {
            fields.Report($"Type '{type}' is not one of Task, Pass, Wait, Choice, Parallel, Map, Succeed, Fail");
            return null;
        }

        RejectUnsupported(fields);
        fields.RejectUnknown(allowed, $"a {type} state");
        var language = Language(fields);
        var (next, end) = type is "Choice" or "Succeed" or "Fail" ? (null, false) : ReadFlow(fields);
        State? state = type switch
        {
            "Task" => Task(fields, name, next, end, language),
            "Pass" => Pass(fields, name, next, end, language),
            "Wait" => Wait(fields, name, next, end, language),
            "Choice" => Choice(fields, name, language),
            "Parallel" => Parallel(fields, name, next, end, language),
            "Map" => Map(fields, name, next, end, language),
            "Succeed" => new SucceedState
            {
                Header = Header(fields, name, next: null, end: false),
                Language = language,
                Output = Output(fields, language),
            },
            _ => Fail(fields, name, language),
        };
        return state;
    }

    /// <summary>
    /// The state's language, refusing what AWS refuses: a JSONPath state in a JSONata machine, a value
    /// outside the enum (which then counts as JSONata), and fields of the other language.
    /// </summary>
    private QueryLanguage Language(FieldReader fields)
    {
        var language = machineLanguage;
        var downgraded = false;
        if (fields.Has("QueryLanguage"))
        {
            if (!JsonScalars.TryGetString(fields.Raw("QueryLanguage"), out var text))
            {
                fields.Report("QueryLanguage: Expected value of type [STRING]");
                language = QueryLanguage.Jsonata;
            }
            else if (text == "JSONPath")
            {
                language = QueryLanguage.JsonPath;
                if (machineLanguage == QueryLanguage.Jsonata)
                {
                    fields.Report("'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine");
                    downgraded = true;
                }
            }
            else
            {
                if (text != "JSONata")
                {
                    fields.Report("QueryLanguage: Value should be one of the following: [JSONPath, JSONata]");
                }

                language = QueryLanguage.Jsonata;
            }
        }

        // The downgrade is the whole answer for that state (AWS reports nothing about its fields on top).
        if (!downgraded)
        {
            foreach (var (field, _) in fields.Object.Where(p => QueryLanguageFields.BelongsToOther(language, p.Key)))
            {
                fields.Report(QueryLanguageFields.Refusal(language, field));
            }
        }

        return language;
    }

    private JsonataTemplate? Output(FieldReader fields, QueryLanguage language) =>
        language == QueryLanguage.Jsonata && fields.Has("Output") ? compiler.Compile(fields.Raw("Output"), fields.Where, "Output") : null;

    private Assignment? Assign(FieldReader fields, QueryLanguage language) =>
        fields.Has("Assign") ? Assignment(fields.Raw("Assign"), fields.Where, "Assign", language) : null;

    /// <summary>An Assign object: JSONata expressions, or in JSONPath paths and intrinsics.</summary>
    private Assignment? Assignment(JsonNode? raw, string where, string field, QueryLanguage language) =>
        language == QueryLanguage.Jsonata ? compiler.Assignment(raw, where, field) : compiler.PathAssignment(raw, where, field);

    /// <summary>A JSONata field that may be a literal of its type or an expression; null when absent or literal.</summary>
    private JsonataTemplate? Query(FieldReader fields, string field, QueryLanguage language) =>
        language == QueryLanguage.Jsonata && JsonScalars.TryGetString(fields.Raw(field), out var text) && JsonataTemplate.IsExpression(text)
            ? compiler.Compile(fields.Raw(field), fields.Where, field)
            : null;

    /// <summary>Arguments: a JSON object (arrays pass too) or a JSONata expression string.</summary>
    private JsonataTemplate? Arguments(FieldReader fields, QueryLanguage language) =>
        Template(fields, "Arguments", language, static raw => raw is JsonObject or JsonArray, "a JSON object");

    /// <summary>A JSONata field holding a literal (checked by <paramref name="isLiteral"/>) or an expression string; null when absent or in JSONPath.</summary>
    private JsonataTemplate? Template(FieldReader fields, string field, QueryLanguage language, Func<JsonNode?, bool> isLiteral, string literal)
    {
        if (language != QueryLanguage.Jsonata || !fields.Has(field))
        {
            return null;
        }

        var raw = fields.Raw(field);
        if (!isLiteral(raw) && !(JsonScalars.TryGetString(raw, out var text) && JsonataTemplate.IsExpression(text)))
        {
            fields.Report($"{field} must be {literal} or a JSONata expression string");
        }

        return compiler.Compile(raw, fields.Where, field);
    }

    private static HashSet<string> Fields(params string[][] groups) =>
        new(Common.Concat(groups.SelectMany(g => g)), StringComparer.Ordinal);

    private static string? Comment(FieldReader fields) => fields.String("Comment");

    /// <summary>Name, Comment, the transition and the InputPath/OutputPath filters, read in that order so problems keep their order.</summary>
    private static StateHeader Header(FieldReader fields, string name, string? next, bool end) => new(name, Comment(fields))
    {
        Next = next,
        End = end,
        InputPath = fields.InputOutputPath("InputPath"),
        OutputPath = fields.InputOutputPath("OutputPath"),
    };

    private ResultHandling ResultHandling(FieldReader fields, QueryLanguage language) => new(
        fields.Template("ResultSelector"),
        fields.ResultPath("ResultPath"),
        ErrorHandlingParser.ParseRetry(fields, problems),
        ErrorHandlingParser.ParseCatch(fields, problems, language, compiler));

    // Distributed Map features the engine does not run: say so instead of silently misbehaving.
    private static void RejectUnsupported(FieldReader fields)
    {
        foreach (var field in new[] { "ItemReader", "ItemBatcher", "ResultWriter", "Label" })
        {
            if (fields.Has(field))
            {
                fields.Report($"the field '{field}' is not supported by the local engine yet");
            }
        }
    }

    private static (string? Next, bool End) ReadFlow(FieldReader fields)
    {
        var next = fields.String("Next");
        var end = fields.Boolean("End") ?? false;
        if (next is not null && end)
        {
            fields.Report("Next and End cannot both be set");
        }
        else if (next is null && !end && !fields.Has("Next"))
        {
            fields.Report("a non-terminal state needs Next (or End: true)");
        }

        return (next, end);
    }

    private TaskState? Task(FieldReader fields, string name, string? next, bool end, QueryLanguage language)
    {
        var resource = fields.String("Resource", required: true);
        if (resource is not null)
        {
            CheckResource(fields, resource);
        }
        fields.Exclusive("TimeoutSeconds", "TimeoutSecondsPath");
        fields.Exclusive("HeartbeatSeconds", "HeartbeatSecondsPath");
        var timeoutQuery = Query(fields, "TimeoutSeconds", language);
        var heartbeatQuery = Query(fields, "HeartbeatSeconds", language);
        var timeout = timeoutQuery is null ? fields.Integer("TimeoutSeconds", min: 1) : null;
        var heartbeat = heartbeatQuery is null ? fields.Integer("HeartbeatSeconds", min: 1) : null;
        if (timeout is { } t && heartbeat is { } h && h >= t)
        {
            fields.Report("HeartbeatSeconds must be smaller than TimeoutSeconds");
        }

        var state = new TaskState
        {
            Header = Header(fields, name, next, end),
            Parameters = fields.Template("Parameters"),
            Results = ResultHandling(fields, language),
            Resource = TaskResource.Parse(resource ?? string.Empty),
            TimeoutSeconds = timeout,
            TimeoutSecondsPath = fields.Path("TimeoutSecondsPath", reference: true),
            HeartbeatSeconds = heartbeat,
            HeartbeatSecondsPath = fields.Path("HeartbeatSecondsPath", reference: true),
            Language = language,
            Arguments = Arguments(fields, language),
            TimeoutSecondsQuery = timeoutQuery,
            HeartbeatSecondsQuery = heartbeatQuery,
            Output = Output(fields, language),
            Assign = Assign(fields, language),
        };
        return resource is null ? null : state;
    }

    /// <summary>AWS rejects a Resource that is not an ARN at CreateStateMachine; a SAM/CloudFormation <c>${...}</c> placeholder stands for one.</summary>
    private static void CheckResource(FieldReader fields, string resource)
    {
        if (resource.Contains("${", StringComparison.Ordinal))
        {
            return;
        }

        if (resource.Split(':') is not ["arn", { Length: > 0 }, { Length: > 0 }, _, _, { Length: > 0 }, ..])
        {
            fields.Report($"Resource '{resource}' is not a valid resource ARN (arn:partition:service:region:account:resource)");
            return;
        }

        var parsed = TaskResource.Parse(resource);
        if (resource.EndsWith(TaskResource.WaitForTaskTokenSuffix, StringComparison.Ordinal) && parsed.Kind != TaskResourceKind.ServiceIntegration)
        {
            fields.Report($"Resource '{resource}': the .waitForTaskToken pattern applies only to service integrations (arn:aws:states:::service:action.waitForTaskToken)");
        }
    }

    private PassState Pass(FieldReader fields, string name, string? next, bool end, QueryLanguage language) => new()
    {
        Header = Header(fields, name, next, end),
        Parameters = fields.Template("Parameters"),
        HasResult = fields.Has("Result"),
        Result = JsonText.Clone(fields.Raw("Result")),
        ResultPath = fields.ResultPath("ResultPath"),
        Language = language,
        Output = Output(fields, language),
        Assign = Assign(fields, language),
    };

    private WaitState? Wait(FieldReader fields, string name, string? next, bool end, QueryLanguage language)
    {
        var given = WaitDurations.Where(fields.Has).ToList();
        if (given.Count != 1)
        {
            fields.Report("a Wait state needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath");
            return null;
        }

        var secondsQuery = Query(fields, "Seconds", language);
        var timestampQuery = Query(fields, "Timestamp", language);
        DateTimeOffset? timestamp = null;
        if (timestampQuery is null && fields.String("Timestamp") is { } text)
        {
            if (Rfc3339.TryParse(text, out var parsed))
            {
                timestamp = parsed;
            }
            else
            {
                fields.Report($"Timestamp '{text}' is not an RFC 3339 timestamp such as 2016-03-14T01:59:00Z");
            }
        }

        return new WaitState
        {
            Header = Header(fields, name, next, end),
            Seconds = secondsQuery is null ? fields.Integer("Seconds", min: 0) : null,
            SecondsPath = fields.Path("SecondsPath", reference: true),
            Timestamp = timestamp,
            TimestampPath = fields.Path("TimestampPath", reference: true),
            SecondsQuery = secondsQuery,
            TimestampQuery = timestampQuery,
            Language = language,
            Output = Output(fields, language),
            Assign = Assign(fields, language),
        };
    }

    private ChoiceState? Choice(FieldReader fields, string name, QueryLanguage language)
    {
        if (fields.Raw("Choices") is not JsonArray { Count: > 0 } entries)
        {
            fields.Report("Choices must be a non-empty array of Choice Rules");
            return null;
        }

        var branches = entries
            .Select((entry, i) => ChoiceBranch(fields, entry, i, language))
            .ToList();
        if (branches.Contains(null))
        {
            return null;
        }

        return new ChoiceState
        {
            Header = Header(fields, name, next: null, end: false),
            Choices = branches!,
            Default = fields.String("Default"),
            Language = language,
            Output = Output(fields, language),
            Assign = Assign(fields, language),
        };
    }

    /// <summary>A Choices entry: a JSONPath rule, or in JSONata a Condition; either with Next, Assign and (JSONata) Output.</summary>
    private Choice.ChoiceBranch? ChoiceBranch(FieldReader fields, JsonNode? entry, int index, QueryLanguage language)
    {
        var where = $"{fields.Where}: Choices[{index}]";
        if (entry is not JsonObject obj)
        {
            problems.Add($"{where}: a Choice Rule must be an object");
            return null;
        }

        foreach (var (field, _) in obj.Where(p => QueryLanguageFields.BelongsToOther(language, p.Key)))
        {
            problems.Add($"{where}: {QueryLanguageFields.Refusal(language, field)}");
        }

        var assign = obj.ContainsKey("Assign") ? Assignment(obj["Assign"], fields.Where, $"Choices[{index}]/Assign", language) : null;
        if (language == QueryLanguage.JsonPath)
        {
            return ChoiceRuleParser.ParseBranch(obj, where, problems) is { } branch ? branch with { Assign = assign } : null;
        }

        foreach (var (field, _) in obj.Where(p => p.Key is not ("Condition" or "Next" or "Assign" or "Output" or "Comment") && !QueryLanguageFields.BelongsToOther(language, p.Key)))
        {
            problems.Add($"{where}: the field '{field}' is not supported in a JSONata Choice Rule");
        }

        if (!obj.ContainsKey("Condition"))
        {
            problems.Add($"{where}: a JSONata Choice Rule needs a Condition");
            return null;
        }

        if (!obj.TryGetPropertyValue("Next", out var next) || !JsonScalars.TryGetString(next, out var nextName))
        {
            problems.Add($"{where}: a Choice Rule needs a string Next");
            return null;
        }

        var condition = obj["Condition"];
        if (!JsonScalars.IsBoolean(condition) && !(JsonScalars.TryGetString(condition, out var text) && JsonataTemplate.IsExpression(text)))
        {
            problems.Add($"{where}: Condition must be a boolean or a JSONata expression string");
        }

        return new Choice.ChoiceBranch(null, nextName)
        {
            Condition = compiler.Compile(condition, fields.Where, $"Choices[{index}]/Condition"),
            Assign = assign,
            Output = obj.ContainsKey("Output") ? compiler.Compile(obj["Output"], fields.Where, $"Choices[{index}]/Output") : null,
        };
    }

    private ParallelState? Parallel(FieldReader fields, string name, string? next, bool end, QueryLanguage language)
    {
        if (fields.Raw("Branches") is not JsonArray { Count: > 0 } entries)
        {
            fields.Report("Branches must be a non-empty array of state machines");
            return null;
        }

        var branches = entries.Select((entry, i) => scopes.Parse(entry, $"{fields.Where}: Branches[{i}]")).ToList();
        var state = new ParallelState
        {
            Header = Header(fields, name, next, end),
            Parameters = fields.Template("Parameters"),
            Results = ResultHandling(fields, language),
            Branches = branches.OfType<StateScope>().ToList(),
            Language = language,
            Arguments = Arguments(fields, language),
            Output = Output(fields, language),
            Assign = Assign(fields, language),
        };
        return branches.Contains(null) ? null : state;
    }

    private MapState? Map(FieldReader fields, string name, string? next, bool end, QueryLanguage language)
    {
        fields.Exclusive("ItemProcessor", "Iterator");
        fields.Exclusive("ItemSelector", "Parameters");
        fields.Exclusive("MaxConcurrency", "MaxConcurrencyPath");
        fields.Exclusive("ToleratedFailureCount", "ToleratedFailureCountPath");
        fields.Exclusive("ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
        var processorField = fields.Has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        if (fields.Raw(processorField) is not JsonObject processor)
        {
            fields.Report("a Map state needs an ItemProcessor (or Iterator) object");
            return null;
        }

        if (processor["ProcessorConfig"] is JsonObject config && config["Mode"] is { } mode
            && (!JsonScalars.TryGetString(mode, out var modeName) || modeName != "INLINE"))
        {
            fields.Report($"{processorField}.ProcessorConfig.Mode: only INLINE Map states are supported by the local engine");
        }

        var scopeNode = new JsonObject();
        foreach (var (key, value) in processor)
        {
            if (key != "ProcessorConfig")
            {
                scopeNode[key] = JsonText.Clone(value);
            }
        }

        var itemProcessor = scopes.Parse(scopeNode, $"{fields.Where}: {processorField}");
        var jsonata = language == QueryLanguage.Jsonata;
        var maxConcurrencyQuery = Query(fields, "MaxConcurrency", language);
        var countQuery = Query(fields, "ToleratedFailureCount", language);
        var percentageQuery = Query(fields, "ToleratedFailurePercentage", language);
        var state = itemProcessor is null ? null : new MapState
        {
            Header = Header(fields, name, next, end),
            ItemsPath = fields.Path("ItemsPath", reference: true) ?? JsonPath.Parse("$"),
            ItemSelector = jsonata ? null : fields.Template("ItemSelector") ?? fields.Template("Parameters"),
            MaxConcurrency = maxConcurrencyQuery is null ? fields.Integer("MaxConcurrency", min: 0) ?? 0 : 0,
            MaxConcurrencyPath = fields.Path("MaxConcurrencyPath", reference: true),
            ToleratedFailureCount = countQuery is null ? fields.Integer("ToleratedFailureCount", min: 0, max: int.MaxValue) : null,
            ToleratedFailureCountPath = fields.Path("ToleratedFailureCountPath", reference: true),
            ToleratedFailurePercentage = percentageQuery is null ? fields.Number("ToleratedFailurePercentage", min: 0.0, max: 100.0) : null,
            ToleratedFailurePercentagePath = fields.Path("ToleratedFailurePercentagePath", reference: true),
            Results = ResultHandling(fields, language),
            ItemProcessor = itemProcessor,
            Language = language,
            Items = Template(fields, "Items", language, static raw => raw is JsonArray, "a JSON array"),
            ItemSelectorQuery = jsonata && fields.Has("ItemSelector") ? compiler.Compile(fields.Raw("ItemSelector"), fields.Where, "ItemSelector") : null,
            MaxConcurrencyQuery = maxConcurrencyQuery,
            ToleratedFailureCountQuery = countQuery,
            ToleratedFailurePercentageQuery = percentageQuery,
            Output = Output(fields, language),
            Assign = Assign(fields, language),
        };
        return state;
    }

    private FailState Fail(FieldReader fields, string name, QueryLanguage language)
    {
        fields.Exclusive("Error", "ErrorPath");
        fields.Exclusive("Cause", "CausePath");
        var (errorPath, errorFunction) = fields.PathOrIntrinsic("ErrorPath", FailIntrinsics);
        var (causePath, causeFunction) = fields.PathOrIntrinsic("CausePath", FailIntrinsics);
        var errorQuery = Query(fields, "Error", language);
        var causeQuery = Query(fields, "Cause", language);
        return new FailState
        {
            Header = new StateHeader(name, Comment(fields)),
            Language = language,
            ErrorQuery = errorQuery,
            CauseQuery = causeQuery,
            Error = errorQuery is null ? fields.String("Error") : null,
            Cause = causeQuery is null ? fields.String("Cause") : null,
            ErrorPath = errorPath,
            ErrorFunction = errorFunction,
            CausePath = causePath,
            CauseFunction = causeFunction,
        };
    }
}
