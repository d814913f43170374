using System.Text.Json.Nodes;

namespace OutpostServerless.Cli.Tests.Definition;

/// <summary>
/// A Lambda function that times out or crashes reaches Step Functions as <c>Lambda.Unknown</c> or, on
/// newer runtimes, <c>Sandbox.Timedout</c> / <c>Runtime.ExitError</c> (Step Functions developer guide,
/// "Handle transient Lambda service exceptions" and the Lambda error names it lists). Every Task state
/// of every definition under statemachine/ retries all three in its Lambda retrier, so a state added
/// later with the old list fails here.
/// </summary>
public sealed class LambdaRetrierTests
{
    private static readonly string[] LambdaFailures =
    [
        "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException",
        "Lambda.Unknown", "Sandbox.Timedout", "Runtime.ExitError",
    ];

    public static TheoryData<string, string> TaskStates()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "statemachine"), "*.asl.json").Order(StringComparer.Ordinal))
        {
            foreach (var (name, _) in Tasks(JsonNode.Parse(File.ReadAllText(file))!["States"]!.AsObject()))
            {
                data.Add(Path.GetFileName(file), name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TaskStates))]
    public void Every_Task_retries_Lambda_timeouts_and_crashes_by_every_name_Step_Functions_gives_them(string definition, string state)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "statemachine", definition)))!;
        var task = Tasks(root["States"]!.AsObject()).Single(t => t.Name == state).State;

        var retried = (task["Retry"]?.AsArray() ?? []).SelectMany(r => r!["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>())).ToHashSet(StringComparer.Ordinal);

        Assert.All(LambdaFailures, name => Assert.Contains(name, retried));
    }

    [Fact]
    public void The_definitions_have_Task_states_to_check()
    {
        Assert.True(TaskStates().Count >= 13);
    }

    private static IEnumerable<(string Name, JsonObject State)> Tasks(JsonObject states)
    {
        foreach (var (name, node) in states)
        {
            var state = node!.AsObject();
            if (state["Type"]?.GetValue<string>() == "Task")
            {
                yield return (name, state);
            }

            foreach (var branch in state["Branches"]?.AsArray() ?? [])
            {
                foreach (var inner in Tasks(branch!["States"]!.AsObject()))
                {
                    yield return inner;
                }
            }

            if (state["ItemProcessor"]?["States"] is JsonObject processor)
            {
                foreach (var inner in Tasks(processor))
                {
                    yield return inner;
                }
            }
        }
    }
}
