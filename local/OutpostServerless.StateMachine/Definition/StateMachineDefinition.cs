using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Definition;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.States;

namespace OutpostServerless.StateMachine;

/// <summary>
/// A validated Amazon States Language definition, in JSONPath, JSONata or a mix of both. <see cref="Parse(string)"/>
/// applies the checks AWS applies at CreateStateMachine time and reports all problems at once.
/// </summary>
public sealed class StateMachineDefinition
{
    private StateMachineDefinition(StateScope root, string? comment, int? timeoutSeconds, QueryLanguage queryLanguage)
    {
        Root = root;
        Comment = comment;
        TimeoutSeconds = timeoutSeconds;
        QueryLanguage = queryLanguage;
        States = Summarize(root, parent: null, branch: null).ToList();
    }

    public string StartAt => Root.StartAt;

    public string? Comment { get; }

    /// <summary>The execution time limit; exceeding it ends the execution as TIMED_OUT.</summary>
    public int? TimeoutSeconds { get; }

    /// <summary>The machine's QueryLanguage: the language of every state that names none.</summary>
    public QueryLanguage QueryLanguage { get; }

    /// <summary>Every state, nested ones included, in definition order.</summary>
    public IReadOnlyList<StateSummary> States { get; }

    internal StateScope Root { get; }

    /// <exception cref="DefinitionValidationException">The definition is not valid JSON or not a valid state machine.</exception>
    public static StateMachineDefinition Parse(string json) => Parse(json, new JsonataEvaluator());

    /// <summary>Parses with <paramref name="evaluator"/> as the JSONata implementation of the JSONata states.</summary>
    /// <exception cref="DefinitionValidationException">The definition is not valid JSON or not a valid state machine.</exception>
    public static StateMachineDefinition Parse(string json, IJsonataEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(evaluator);
        var node = ParseJson(json);
        var problems = new DefinitionProblems();
        int? timeout = null;
        string? comment = null;
        var language = QueryLanguage.JsonPath;
        if (node is JsonObject obj)
        {
            var top = new FieldReader(obj, "The definition", problems);
            timeout = top.Integer("TimeoutSeconds", min: 1);
            comment = top.String("Comment");
            top.String("Version");
            language = top.String("QueryLanguage") switch
            {
                null or "JSONPath" => QueryLanguage.JsonPath,
                "JSONata" => QueryLanguage.Jsonata,
                _ => Refuse(top),
            };
        }

        var root = new ScopeParser(problems, language, evaluator).Parse(node, where: string.Empty);
        if (problems.Any || root is null)
        {
            throw new DefinitionValidationException(problems.Messages.ToList());
        }

        return new StateMachineDefinition(root, comment, timeout, language);
    }

    private static QueryLanguage Refuse(FieldReader top)
    {
        top.Report("QueryLanguage: Value should be one of the following: [JSONPath, JSONata]");
        return QueryLanguage.Jsonata;
    }

    private static IEnumerable<StateSummary> Summarize(StateScope scope, string? parent, int? branch)
    {
        foreach (var state in scope.Ordered)
        {
            yield return new StateSummary(
                state.Name,
                state.Type,
                state.Comment,
                state.End,
                (state as TaskState)?.Resource.Arn,
                parent,
                branch,
                state.Transitions.Select(t => new StateEdge(t.Field, t.Target)).ToList());

            var children = state switch
            {
                ParallelState parallel => parallel.Branches,
                MapState map => [map.ItemProcessor],
                _ => [],
            };
            for (var i = 0; i < children.Count; i++)
            {
                foreach (var nested in Summarize(children[i], state.Name, i))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>A definition's JSON text (a whole machine or, for TestState, one state); not JSON is a validation error, as CreateStateMachine reports it.</summary>
    internal static JsonNode? ParseJson(string json)
    {
        try
        {
            return JsonText.Parse(json);
        }
        catch (JsonException e)
        {
            throw new DefinitionValidationException([$"The definition is not valid JSON: {e.Message}"]);
        }
    }
}
