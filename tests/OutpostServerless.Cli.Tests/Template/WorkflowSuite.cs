using System.Text.Json.Nodes;
using OutpostServerless.Cli.Local;
using OutpostServerless.Cli.Sam;
using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Calls;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Tests.Template;

/// <summary>
/// Every path the workflow can take, run end to end on the emulated Region with the template's own
/// definition and functions: both examples succeeding, capacity waits (arriving and spent), a launch
/// the Outpost refuses, failures that roll back (before anything exists, after a service exists, after
/// a finished provisioning's tasks run), a failure that retains, each egress mode (an
/// existing VPC with and without a way out), a re-run and an invalid request. It yields each AWS call with the function that made it.
/// </summary>
internal static class WorkflowSuite
{
    private static readonly Lazy<Task<IReadOnlyList<ScenarioRun>>> Runs = new(RunAllAsync);

    public static Task<IReadOnlyList<ScenarioRun>> RunsAsync() => Runs.Value;

    private static async Task<IReadOnlyList<ScenarioRun>> RunAllAsync()
    {
        var workflow = new LocalWorkflow(SamTemplate.Load(RepositoryFiles.Template, new SamEnvironment("us-west-2", "123456789012")));
        var runs = new List<ScenarioRun>();
        foreach (var scenario in Scenarios())
        {
            var clock = new VirtualClock(LocalWorkflow.DefaultStart);
            var cloud = new EmulatedCloud(clock);
            var results = new List<ExecutionResult>();
            foreach (var step in scenario.Steps)
            {
                step.Arrange?.Invoke(cloud, clock);
                results.Add(await workflow.ExecuteAsync(new LocalExecution
                {
                    Cloud = cloud,
                    Clock = clock,
                    Request = step.ExistingVpc is null ? step.Request : InVpc(step.Request, step.ExistingVpc(cloud)),
                    ExecutionName = $"{scenario.Name}-{results.Count + 1}",
                    Jitter = new Random(7),
                }, CancellationToken.None));
            }

            runs.Add(new ScenarioRun(scenario.Name, results, cloud.Calls.All));
        }

        return runs;
    }

    private static IEnumerable<Scenario> Scenarios()
    {
        var web = Example("web-service.json");
        var batch = Example("batch-task.json");
        var onPremises = Example("web-service-local-gateway.json");
        yield return new("web-service succeeds", [new(web)]);
        yield return new("batch-task succeeds", [new(batch)]);
        yield return new("a re-run changes nothing", [new(batch), new(batch)]);
        yield return new("capacity arrives after a wait", [new(web, (cloud, clock) =>
        {
            cloud.SetFreeSlots("c5.large", 0);
            cloud.ScheduleFreeSlots(clock.GetUtcNow().AddSeconds(1200), "c5.large", 2);
        })]);
        yield return new("the capacity wait is spent", [new(With(web, "capacityWait", new JsonObject { ["maxSeconds"] = 600, ["pollSeconds"] = 60 }),
            (cloud, _) => cloud.SetFreeSlots("c5.large", 1))]);
        yield return new("the Outpost refuses the launch", [new(web, Fault("ec2:RunInstances", "InsufficientInstanceCapacity"))]);
        yield return new("a failed task rolls back", [new(batch, Fault("ecs:RunTask", "InvalidParameterException"))]);
        yield return new("a failure after the service exists rolls it back", [new(web, Fault("ecs:ListTasks", "AccessDeniedException"))]);
        yield return new("a failure on a finished provisioning stops its tasks", [new(batch), new(batch, Fault("ecs:DescribeTaskDefinition", "AccessDeniedException"))]);
        yield return new("a rollback waits for instances EC2 cannot reach yet", [new(batch, (cloud, clock) =>
        {
            Fault("ecs:RunTask", "InvalidParameterException")(cloud, clock);
            Fault("ec2:TerminateInstances", "ServiceUnavailable")(cloud, clock);
        })]);
        yield return new("a failure with retain keeps everything", [new(With(web, "onFailure", "retain"), Fault("ecs:CreateService", "InvalidParameterException"))]);
        yield return new("the local gateway carries the egress", [new(onPremises)]);
        yield return new("a local-gateway provisioning rolls back its association", [new(onPremises, Fault("ecs:CreateService", "InvalidParameterException"))]);
        yield return new("an existing VPC's internet gateway is used unchanged", [new(batch, ExistingVpc: cloud =>
        {
            var vpc = cloud.Network.Vpc("10.1.0.0/16");
            cloud.Network.InternetGatewayRoute(vpc);
            return vpc;
        })]);
        yield return new("an existing VPC without a way out fails before launching", [new(batch, ExistingVpc: cloud => cloud.Network.Vpc("10.1.0.0/16"))]);
        yield return new("an invalid request calls nothing", [new(With(batch, "outpostArn", "not-an-arn"))]);
    }

    private static Action<EmulatedCloud, VirtualClock> Fault(string operation, string code) =>
        (cloud, _) => cloud.InjectFault(operation, code, $"Injected {code}.");

    private static JsonObject Example(string name) =>
        JsonNode.Parse(File.ReadAllText(RepositoryFiles.Example(name)))!.AsObject();

    private static JsonObject With(JsonObject request, string member, JsonNode value)
    {
        var copy = request.DeepClone().AsObject();
        copy[member] = value;
        return copy;
    }

    private sealed record Scenario(string Name, IReadOnlyList<ScenarioStep> Steps);

    /// <summary>A request and what the account holds before it runs; <paramref name="ExistingVpc"/> makes the VPC the request names (network.vpcId).</summary>
    private sealed record ScenarioStep(JsonNode Request, Action<EmulatedCloud, VirtualClock>? Arrange = null, Func<EmulatedCloud, string>? ExistingVpc = null);

    private static JsonObject InVpc(JsonNode request, string vpcId)
    {
        var copy = request.DeepClone().AsObject();
        var network = copy["network"]!.AsObject();
        network.Remove("vpcCidr");
        network["vpcId"] = vpcId;
        return copy;
    }
}

/// <summary>One scenario's executions and every AWS call they made, with its caller.</summary>
internal sealed record ScenarioRun(string Name, IReadOnlyList<ExecutionResult> Executions, IReadOnlyList<ApiCall> Calls);
