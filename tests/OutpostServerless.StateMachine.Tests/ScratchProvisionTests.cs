namespace OutpostServerless.StateMachine.Tests;

public sealed class ScratchProvisionTests
{
    [Fact]
    public async Task Scratch()
    {
        var text = File.ReadAllText("/work/main/statemachine/provision.asl.json");
        var definition = StateMachineDefinition.Parse(text);
        var clock = new VirtualClock(DateTimeOffset.UnixEpoch);
        var invoker = new Support.FakeTaskInvoker(clock);
        foreach (var s in definition.States.Where(s => s.Resource is not null))
        {
            invoker.Echoes(s.Resource!);
        }
        var result = await new StateMachineRunner(definition, invoker, clock).RunAsync(System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText("/work/main/statemachine/examples/web-service.json")), new ExecutionOptions { Jitter = new Random(1), Observer = e => Console.WriteLine($"{e.Id} {e.Timestamp:HH:mm:ss} {e.Type} {e.StateName} {e.Error}") }, CancellationToken.None);
        Console.WriteLine($"{result.Status} {result.Error} {result.Cause} transitions={result.StateTransitions}");
    }
}
