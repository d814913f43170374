using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Choice;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Paths;
using OutpostServerless.StateMachine.Resources;
using OutpostServerless.StateMachine.States;

namespace OutpostServerless.StateMachine.Definition;

/// <summary>Reads one state object into its typed <see cref="State"/>, reporting every invalid field.</summary>
internal sealed class StateParser(DefinitionProblems problems, ScopeParser scopes)
{
    private static readonly string[] Common = ["Type", "Comment"];
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
        ["Task"] = Fields(Flow, Filters, Results, ["Resource", "Parameters", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials"]),
        ["Pass"] = Fields(Flow, Filters, ["Parameters", "Result", "ResultPath"]),
        ["Wait"] = Fields(Flow, Filters, ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"]),
        ["Choice"] = Fields(Filters, ["Choices", "Default"]),
        ["Parallel"] = Fields(Flow, Filters, Results, ["Branches", "Parameters"]),
        ["Map"] = Fields(Flow, Filters, Results, ["ItemsPath", "ItemSelector", "Parameters", "ItemProcessor", "Iterator", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount", "ToleratedFailureCountPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath"]),
        ["Succeed"] = Fields(Filters),
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
        var (next, end) = type is "Choice" or "Succeed" or "Fail" ? (null, false) : ReadFlow(fields);
        return type switch
        {
            "Task" => Task(fields, name, next, end),
            "Pass" => Pass(fields, name, next, end),
            "Wait" => Wait(fields, name, next, end),
            "Choice" => Choice(fields, name),
            "Parallel" => Parallel(fields, name, next, end),
            "Map" => Map(fields, name, next, end),
            "Succeed" => new SucceedState { Name = name, Comment = Comment(fields), InputPath = fields.InputOutputPath("InputPath"), OutputPath = fields.InputOutputPath("OutputPath") },
            _ => Fail(fields, name),
        };
    }

    private static HashSet<string> Fields(params string[][] groups) =>
        new(Common.Concat(groups.SelectMany(g => g)), StringComparer.Ordinal);

    private static string? Comment(FieldReader fields) => fields.String("Comment");

    // Newer language features the engine does not run yet: say so instead of silently misbehaving.
    private static void RejectUnsupported(FieldReader fields)
    {
        if (fields.Has("QueryLanguage") && fields.String("QueryLanguage") != "JSONPath")
        {
            fields.Report("QueryLanguage JSONata is not supported by the local engine (JSONPath only)");
        }

        foreach (var field in new[] { "Assign", "Arguments", "Output", "Items", "ItemReader", "ItemBatcher", "ResultWriter", "Label" })
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

    private TaskState? Task(FieldReader fields, string name, string? next, bool end)
    {
        var resource = fields.String("Resource", required: true);
        if (resource is not null)
        {
            CheckResource(fields, resource);
        }
        fields.Exclusive("TimeoutSeconds", "TimeoutSecondsPath");
        fields.Exclusive("HeartbeatSeconds", "HeartbeatSecondsPath");
        var timeout = fields.Integer("TimeoutSeconds", min: 1);
        var heartbeat = fields.Integer("HeartbeatSeconds", min: 1);
        if (timeout is { } t && heartbeat is { } h && h >= t)
        {
            fields.Report("HeartbeatSeconds must be smaller than TimeoutSeconds");
        }

        var state = new TaskState
        {
            Name = name,
            Comment = Comment(fields),
            Next = next,
            End = end,
            InputPath = fields.InputOutputPath("InputPath"),
            OutputPath = fields.InputOutputPath("OutputPath"),
            Parameters = fields.Template("Parameters"),
            ResultSelector = fields.Template("ResultSelector"),
            ResultPath = fields.ResultPath("ResultPath"),
            Retry = ErrorHandlingParser.ParseRetry(fields, problems),
            Catch = ErrorHandlingParser.ParseCatch(fields, problems),
            Resource = TaskResource.Parse(resource ?? string.Empty),
            TimeoutSeconds = timeout,
            TimeoutSecondsPath = fields.Path("TimeoutSecondsPath", reference: true),
            HeartbeatSeconds = heartbeat,
            HeartbeatSecondsPath = fields.Path("HeartbeatSecondsPath", reference: true),
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

    private static PassState Pass(FieldReader fields, string name, string? next, bool end) => new()
    {
        Name = name,
        Comment = Comment(fields),
        Next = next,
        End = end,
        InputPath = fields.InputOutputPath("InputPath"),
        OutputPath = fields.InputOutputPath("OutputPath"),
        Parameters = fields.Template("Parameters"),
        HasResult = fields.Has("Result"),
        Result = JsonText.Clone(fields.Raw("Result")),
        ResultPath = fields.ResultPath("ResultPath"),
    };

    private static WaitState? Wait(FieldReader fields, string name, string? next, bool end)
    {
        var given = WaitDurations.Where(fields.Has).ToList();
        if (given.Count != 1)
        {
            fields.Report("a Wait state needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath");
            return null;
        }

        DateTimeOffset? timestamp = null;
        if (fields.String("Timestamp") is { } text)
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
            Name = name,
            Comment = Comment(fields),
            Next = next,
            End = end,
            InputPath = fields.InputOutputPath("InputPath"),
            OutputPath = fields.InputOutputPath("OutputPath"),
            Seconds = fields.Integer("Seconds", min: 0),
            SecondsPath = fields.Path("SecondsPath", reference: true),
            Timestamp = timestamp,
            TimestampPath = fields.Path("TimestampPath", reference: true),
        };
    }

    private ChoiceState? Choice(FieldReader fields, string name)
    {
        if (fields.Raw("Choices") is not JsonArray { Count: > 0 } entries)
        {
            fields.Report("Choices must be a non-empty array of Choice Rules");
            return null;
        }

        var branches = entries
            .Select((entry, i) => ChoiceRuleParser.ParseBranch(entry, $"{fields.Where}: Choices[{i}]", problems))
            .ToList();
        if (branches.Contains(null))
        {
            return null;
        }

        return new ChoiceState
        {
            Name = name,
            Comment = Comment(fields),
            InputPath = fields.InputOutputPath("InputPath"),
            OutputPath = fields.InputOutputPath("OutputPath"),
            Choices = branches!,
            Default = fields.String("Default"),
        };
    }

    private ParallelState? Parallel(FieldReader fields, string name, string? next, bool end)
    {
        if (fields.Raw("Branches") is not JsonArray { Count: > 0 } entries)
        {
            fields.Report("Branches must be a non-empty array of state machines");
            return null;
        }

        var branches = entries.Select((entry, i) => scopes.Parse(entry, $"{fields.Where}: Branches[{i}]")).ToList();
        var state = new ParallelState
        {
            Name = name,
            Comment = Comment(fields),
            Next = next,
            End = end,
            InputPath = fields.InputOutputPath("InputPath"),
            OutputPath = fields.InputOutputPath("OutputPath"),
            Parameters = fields.Template("Parameters"),
            ResultSelector = fields.Template("ResultSelector"),
            ResultPath = fields.ResultPath("ResultPath"),
            Retry = ErrorHandlingParser.ParseRetry(fields, problems),
            Catch = ErrorHandlingParser.ParseCatch(fields, problems),
            Branches = branches.OfType<StateScope>().ToList(),
        };
        return branches.Contains(null) ? null : state;
    }

    private MapState? Map(FieldReader fields, string name, string? next, bool end)
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
        var state = itemProcessor is null ? null : new MapState
        {
            Name = name,
            Comment = Comment(fields),
            Next = next,
            End = end,
            InputPath = fields.InputOutputPath("InputPath"),
            OutputPath = fields.InputOutputPath("OutputPath"),
            ItemsPath = fields.Path("ItemsPath", reference: true) ?? JsonPath.Parse("$"),
            ItemSelector = fields.Template("ItemSelector") ?? fields.Template("Parameters"),
            MaxConcurrency = fields.Integer("MaxConcurrency", min: 0) ?? 0,
            MaxConcurrencyPath = fields.Path("MaxConcurrencyPath", reference: true),
            ToleratedFailureCount = fields.Integer("ToleratedFailureCount", min: 0, max: int.MaxValue),
            ToleratedFailureCountPath = fields.Path("ToleratedFailureCountPath", reference: true),
            ToleratedFailurePercentage = fields.Number("ToleratedFailurePercentage", min: 0.0, max: 100.0),
            ToleratedFailurePercentagePath = fields.Path("ToleratedFailurePercentagePath", reference: true),
            ResultSelector = fields.Template("ResultSelector"),
            ResultPath = fields.ResultPath("ResultPath"),
            Retry = ErrorHandlingParser.ParseRetry(fields, problems),
            Catch = ErrorHandlingParser.ParseCatch(fields, problems),
            ItemProcessor = itemProcessor,
        };
        return state;
    }

    private static FailState Fail(FieldReader fields, string name)
    {
        fields.Exclusive("Error", "ErrorPath");
        fields.Exclusive("Cause", "CausePath");
        var (errorPath, errorFunction) = fields.PathOrIntrinsic("ErrorPath", FailIntrinsics);
        var (causePath, causeFunction) = fields.PathOrIntrinsic("CausePath", FailIntrinsics);
        return new FailState
        {
            Name = name,
            Comment = Comment(fields),
            Error = fields.String("Error"),
            Cause = fields.String("Cause"),
            ErrorPath = errorPath,
            ErrorFunction = errorFunction,
            CausePath = causePath,
            CauseFunction = causeFunction,
        };
    }
}
