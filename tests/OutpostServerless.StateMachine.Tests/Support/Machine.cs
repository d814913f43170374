using System.Text.Json.Nodes;

namespace OutpostServerless.StateMachine.Tests.Support;

/// <summary>One state machine on a fresh virtual clock with a fake invoker: the harness every test builds in a line.</summary>
internal sealed class Machine
{
    public static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public Machine(string definition)
        : this(definition, invoker: null)
    {
    }

    /// <summary>A machine whose tasks go to <paramref name="invoker"/> instead of <see cref="Tasks"/>.</summary>
    public Machine(string definition, ITaskInvoker? invoker)
    {
        Definition = StateMachineDefinition.Parse(definition);
        Clock = new VirtualClock(Epoch);
        Tasks = new FakeTaskInvoker(Clock);
        Runner = new StateMachineRunner(Definition, invoker ?? Tasks, Clock);
    }

    /// <summary>One runner for every run, so its task tokens can be answered between and during runs.</summary>
    public StateMachineRunner Runner { get; }

    public StateMachineDefinition Definition { get; }

    public VirtualClock Clock { get; }

    public FakeTaskInvoker Tasks { get; }

    public List<HistoryEvent> Observed { get; } = [];

    public Task<ExecutionResult> RunAsync(string input = "{}", int seed = 7, string executionName = "test-execution") =>
        RunAsync(JsonNode.Parse(input), seed, executionName);

    public Task<ExecutionResult> RunAsync(JsonNode? input, int seed = 7, string executionName = "test-execution")
    {
        var options = new ExecutionOptions
        {
            ExecutionName = executionName,
            StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:Test",
            RoleArn = "arn:aws:iam::123456789012:role/TestRole",
            Jitter = new Random(seed),
            Observer = Observed.Add,
        };
        return Runner.RunAsync(input, options, CancellationToken.None);
    }

    /// <summary>Runs and returns the output, failing the test when the execution did not succeed.</summary>
    public async Task<JsonNode?> OutputAsync(string input = "{}")
    {
        var result = await RunAsync(input);
        Assert.True(result.Status == ExecutionStatus.Succeeded, $"Expected SUCCEEDED but was {result.Status}: {result.Error} {result.Cause}");
        return result.Output;
    }
}
