using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Json;

namespace OutpostServerless.StateMachine;

/// <summary>
/// A mock configuration in AWS Step Functions Local's <c>MockConfigFile.json</c> format, so existing mocks
/// work unchanged: <c>StateMachines</c> → name → <c>TestCases</c> → case → { Task state name → response
/// name }, and <c>MockedResponses</c> → response name → { <c>"0"</c> or <c>"1-2"</c> (invocations, from 0) →
/// <c>{"Return": result}</c> or <c>{"Throw": {"Error", "Cause"}}</c> }. The whole file is checked on load.
/// </summary>
public sealed class MockConfig
{
    private readonly Dictionary<string, Dictionary<string, MockTestCase>> _testCases;

    private MockConfig(Dictionary<string, Dictionary<string, MockTestCase>> testCases) => _testCases = testCases;

    public IReadOnlyCollection<string> StateMachineNames => _testCases.Keys;

    /// <exception cref="MockConfigException">The text is not JSON or not a valid mock configuration.</exception>
    public static MockConfig Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonText.Parse(json);
        }
        catch (JsonException e)
        {
            throw new MockConfigException(string.Empty, $"The mock configuration is not valid JSON: {e.Message}");
        }

        var file = Object(root, string.Empty, "The mock configuration");
        var responses = new Dictionary<string, MockedStateResponses>(StringComparer.Ordinal);
        foreach (var (name, entry) in Object(file["MockedResponses"] ?? new JsonObject(), "MockedResponses", "MockedResponses"))
        {
            responses[name] = ParseResponses(name, entry);
        }

        var machines = new Dictionary<string, Dictionary<string, MockTestCase>>(StringComparer.Ordinal);
        foreach (var (machine, machineNode) in Object(file["StateMachines"], "StateMachines", "StateMachines"))
        {
            var where = $"StateMachines.{machine}";
            var cases = new Dictionary<string, MockTestCase>(StringComparer.Ordinal);
            foreach (var (caseName, caseNode) in Object(Object(machineNode, where, where)["TestCases"], $"{where}.TestCases", "TestCases"))
            {
                var caseWhere = $"{where}.TestCases.{caseName}";
                var states = new Dictionary<string, MockedStateResponses>(StringComparer.Ordinal);
                foreach (var (state, responseNode) in Object(caseNode, caseWhere, "A test case"))
                {
                    if (!JsonScalars.TryGetString(responseNode, out var responseName))
                    {
                        throw new MockConfigException($"{caseWhere}.{state}", "must be the name of a MockedResponses entry");
                    }

                    states[state] = responses.TryGetValue(responseName, out var found)
                        ? found
                        : throw new MockConfigException($"{caseWhere}.{state}", $"MockedResponses has no entry '{responseName}'");
                }

                cases[caseName] = new MockTestCase(machine, caseName, states);
            }

            machines[machine] = cases;
        }

        return new MockConfig(machines);
    }

    /// <summary>The test case <paramref name="testCase"/> of state machine <paramref name="stateMachine"/> (StartExecution's <c>stateMachine#TestCase</c>).</summary>
    /// <exception cref="MockConfigException">The file has no such state machine or test case.</exception>
    public MockTestCase TestCase(string stateMachine, string testCase)
    {
        if (!_testCases.TryGetValue(stateMachine, out var cases))
        {
            throw new MockConfigException("StateMachines", $"there is no state machine '{stateMachine}' (the file has: {string.Join(", ", _testCases.Keys)})");
        }

        return cases.TryGetValue(testCase, out var found)
            ? found
            : throw new MockConfigException($"StateMachines.{stateMachine}.TestCases", $"there is no test case '{testCase}' (the file has: {string.Join(", ", cases.Keys)})");
    }

    private static MockedStateResponses ParseResponses(string name, JsonNode? node)
    {
        var where = $"MockedResponses.{name}";
        var responses = new List<MockedResponse>();
        foreach (var (key, value) in Object(node, where, "A mocked response"))
        {
            var keyWhere = $"{where}[\"{key}\"]";
            var (first, last) = Range(key, keyWhere);
            var body = Object(value, keyWhere, "A mocked response");
            responses.Add((body["Return"], body["Throw"], body.ContainsKey("Return"), body.ContainsKey("Throw")) switch
            {
                (var result, _, true, false) when body.Count == 1 => new MockedResponse.Return(first, last, result?.DeepClone()),
                (_, JsonObject thrown, false, true) when body.Count == 1 => Thrown(first, last, thrown, keyWhere),
                _ => throw new MockConfigException(keyWhere, "must have exactly one field, Return or Throw (an object with Error and Cause)"),
            });
        }

        responses.Sort((a, b) => a.First.CompareTo(b.First));
        var expected = 0;
        foreach (var response in responses)
        {
            if (response.First != expected)
            {
                throw new MockConfigException(where, $"invocations must be numbered consecutively from 0: expected {expected} next, found {response.First}");
            }

            expected = response.Last + 1;
        }

        return responses.Count == 0
            ? throw new MockConfigException(where, "must define at least the response to invocation \"0\"")
            : new MockedStateResponses(name, responses);
    }

    private static MockedResponse.Throw Thrown(int first, int last, JsonObject thrown, string where)
    {
        if (!JsonScalars.TryGetString(thrown["Error"], out var error))
        {
            throw new MockConfigException($"{where}.Throw", "Error is required and must be a string");
        }

        string? cause = null;
        if (thrown.ContainsKey("Cause") && !JsonScalars.TryGetString(thrown["Cause"], out cause!))
        {
            throw new MockConfigException($"{where}.Throw", "Cause must be a string");
        }

        return new MockedResponse.Throw(first, last, error, cause);
    }

    private static (int First, int Last) Range(string key, string where)
    {
        var parts = key.Split('-');
        if (parts.Length is 1 or 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            && last >= first)
        {
            return (first, last);
        }

        throw new MockConfigException(where, "the key must be an invocation number (\"0\") or an inclusive range (\"1-2\")");
    }

    private static JsonObject Object(JsonNode? node, string where, string what) =>
        node as JsonObject ?? throw new MockConfigException(where, $"{what} must be a JSON object");
}
