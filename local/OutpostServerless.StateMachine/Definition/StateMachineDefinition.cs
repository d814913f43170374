using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Definition;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.States;

namespace OutpostServerless.StateMachine;

/// <summary>
/// A validated Amazon States Language definition (JSONPath query language). <see cref="Parse"/> applies
/// the checks AWS applies at CreateStateMachine time and reports all problems at once.
/// </summary>
public sealed class StateMachineDefinition
{
    private StateMachineDefinition(StateScope root, string? comment, int? timeoutSeconds)
    {
        Root = root;
        Comment = comment;
        TimeoutSeconds = timeoutSeconds;
        States = Summarize(root, parent: null, branch: null).ToList();
    }

    public string StartAt => Root.StartAt;

    public string? Comment { get; }

    /// <summary>The execution time limit; exceeding it ends the execution as TIMED_OUT.</summary>
    public int? TimeoutSeconds { get; }

    /// <summary>Every state, nested ones included, in definition order.</summary>
    public IReadOnlyList<StateSummary> States { get; }

    internal StateScope Root { get; }

    /// <exception cref="DefinitionValidationException">The definition is not valid JSON or not a valid state machine.</exception>
    public static StateMachineDefinition Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonText.Parse(json);
        }
        catch (JsonException e)
        {
            throw new DefinitionValidationException([$"The definition is not valid JSON: {e.Message}"]);
        }

        var problems = new DefinitionProblems();
        var root = new ScopeParser(problems).Parse(node, where: string.Empty);
        int? timeout = null;
        string? comment = null;
        if (node is JsonObject obj)
        {
            var top = new FieldReader(obj, "The definition", problems);
            timeout = top.Integer("TimeoutSeconds", min: 1);
            comment = top.String("Comment");
            top.String("Version");
            if (top.String("QueryLanguage") is { } language && language != "JSONPath")
            {
                top.Report($"QueryLanguage '{language}' is not supported by the local engine (JSONPath only)");
            }
        }

        if (problems.Any || root is null)
        {
            throw new DefinitionValidationException(problems.Messages.ToList());
        }

        return new StateMachineDefinition(root, comment, timeout);
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
}
