using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.States;

namespace OutpostServerless.StateMachine.Definition;

/// <summary>
/// Reads a States block (the machine, a Parallel branch, a Map item processor) and checks its wiring:
/// StartAt and every Next, Default and Catch Next name a state of the same block, every state is
/// reachable from StartAt, and names are unique across the whole machine (at most 80 characters).
/// </summary>
internal sealed class ScopeParser
{
    private const int MaxNameLength = 80;

    private static readonly HashSet<string> ScopeFields = new(StringComparer.Ordinal)
    {
        "StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage", "ProcessorConfig",
    };

    private readonly DefinitionProblems _problems;
    private readonly StateParser _states;
    private readonly HashSet<string> _allNames = new(StringComparer.Ordinal);

    public ScopeParser(DefinitionProblems problems, QueryLanguage machineLanguage, IJsonataEvaluator evaluator)
    {
        _problems = problems;
        _states = new StateParser(problems, this, machineLanguage, new JsonataCompiler(evaluator, problems));
    }

    /// <summary>One state on its own, as TestState takes it: its fields are checked, its transitions name states it cannot see.</summary>
    public State? ParseLone(string name, JsonNode? node) => _states.Parse(name, node);

    /// <param name="where">Empty for the top level, else e.g. <c>State 'P': Branches[0]</c>.</param>
    public StateScope? Parse(JsonNode? node, string where)
    {
        var prefix = where.Length == 0 ? string.Empty : where + ".";
        if (node is not JsonObject obj)
        {
            _problems.Add(where.Length == 0 ? "The definition must be a JSON object" : $"{where} must be an object with StartAt and States");
            return null;
        }

        foreach (var (field, _) in obj)
        {
            // A branch or item processor is not a state: only the machine names a QueryLanguage here.
            if (!ScopeFields.Contains(field) || (field == "QueryLanguage" && where.Length > 0))
            {
                _problems.Add($"{prefix}{field}: the field is not supported here");
            }
        }

        if (obj["StartAt"] is not JsonValue startNode || !startNode.TryGetValue<string>(out var startAt))
        {
            _problems.Add($"{prefix}StartAt is required and must be a string");
            startAt = null;
        }

        if (obj["States"] is not JsonObject { Count: > 0 } statesNode)
        {
            _problems.Add($"{prefix}States is required and must be a non-empty object");
            return null;
        }

        var states = new List<State>();
        foreach (var (name, stateNode) in statesNode)
        {
            if (!_allNames.Add(name))
            {
                _problems.Add($"State '{name}': the name is used more than once (state names must be unique across the machine)");
            }

            if (name.Length > MaxNameLength)
            {
                _problems.Add($"State '{name}': the name is longer than {MaxNameLength} characters");
            }

            if (_states.Parse(name, stateNode) is { } state)
            {
                states.Add(state);
            }
        }

        if (startAt is null)
        {
            return null;
        }

        if (!statesNode.ContainsKey(startAt))
        {
            _problems.Add($"{prefix}StartAt '{startAt}' does not exist");
            return null;
        }

        var scope = new StateScope(startAt, states);
        if (!states.Any(s => s.End || s is SucceedState or FailState))
        {
            _problems.Add($"{prefix}States: there is no terminal state (a state with End: true, a Succeed state or a Fail state)");
        }

        CheckTransitions(scope, statesNode);
        CheckReachability(scope);
        return scope;
    }

    private void CheckTransitions(StateScope scope, JsonObject declared)
    {
        foreach (var state in scope.Ordered)
        {
            foreach (var (field, target) in state.Transitions)
            {
                if (!declared.ContainsKey(target))
                {
                    _problems.Add($"State '{state.Name}': {field} '{target}' does not exist");
                }
            }
        }
    }

    private void CheckReachability(StateScope scope)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { scope.StartAt };
        var pending = new Queue<string>([scope.StartAt]);
        while (pending.TryDequeue(out var name))
        {
            if (!scope.States.TryGetValue(name, out var state))
            {
                continue;
            }

            foreach (var (_, target) in state.Transitions)
            {
                if (reached.Add(target))
                {
                    pending.Enqueue(target);
                }
            }
        }

        foreach (var state in scope.Ordered.Where(s => !reached.Contains(s.Name)))
        {
            _problems.Add($"State '{state.Name}': unreachable from StartAt '{scope.StartAt}'");
        }
    }
}
