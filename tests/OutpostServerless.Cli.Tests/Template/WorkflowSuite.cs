using System.Text.Json.Nodes;
using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Calls;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.ApiGateway;
using OutpostServerless.Local.Workflow;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Tests.Template;

/// <summary>
/// Every path the workflow can take, run end to end on the emulated Region with the template's own
/// definition and functions: both examples succeeding, capacity waits (arriving and spent), a launch
/// the Outpost refuses, failures that roll back (before anything exists, after a service exists, after
/// a finished provisioning's tasks run), a failure that retains, each egress mode (an
/// existing VPC with and without a way out), a re-run and an invalid request; and teardowns (a service, a task twice, one waiting for an Outpost to reconnect); the provisionings API function's every route; and the capacity queue woken by its alarm. It yields each AWS call with the function that made it.
/// </summary>
internal static class WorkflowSuite
{
    public const string ApiScenario = "the API applies and shows a batch task, and plans, applies, shows and tears down a web service";

    private static readonly Lazy<Task<IReadOnlyList<ScenarioRun>>> Runs = new(RunAllAsync);

    public static Task<IReadOnlyList<ScenarioRun>> RunsAsync() => Runs.Value;

    private static async Task<IReadOnlyList<ScenarioRun>> RunAllAsync()
    {
        var template = SamTemplate.Load(RepositoryFiles.Template, new SamEnvironment("us-west-2", "123456789012"));
        var workflows = template.StateMachines.Keys.ToDictionary(id => id, id => new LocalWorkflow(template, id));
        var runs = new List<ScenarioRun>();
        foreach (var scenario in Scenarios())
        {
            var clock = new VirtualClock(LocalWorkflow.DefaultStart);
            var cloud = new EmulatedCloud(clock);
            var results = new List<ExecutionResult>();
            foreach (var step in scenario.Steps)
            {
                step.Arrange?.Invoke(cloud, clock);
                results.Add(await workflows[step.StateMachine].ExecuteAsync(new LocalExecution
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

        runs.Add(await ApiScenarioAsync(template, workflows));
        runs.Add(await QueueScenarioAsync(template));
        return runs;
    }

    public const string QueueScenario = "three provisionings wait on a full Outpost and the capacity alarm wakes them in turn";

    /// <summary>The capacity queue: three provisionings park, the capacity alarm's rule invokes the wake-up three times.</summary>
    private static async Task<ScenarioRun> QueueScenarioAsync(SamTemplate template)
    {
        var clock = new VirtualClock(LocalWorkflow.DefaultStart);
        var cloud = new EmulatedCloud(clock);
        cloud.SetFreeSlots("c5.large", 0);
        foreach (var (minutes, slots) in new[] { (8, 1), (28, 2), (48, 2) })
        {
            cloud.ScheduleFreeSlots(clock.GetUtcNow().AddMinutes(minutes), "c5.large", slots);
        }

        var result = await new QueuedProvisionings(template, cloud, clock).RunAsync(
            [.. new[] { ("queued-a", 2), ("queued-b", 1), ("queued-c", 2) }.Select((p, i) => new QueuedStart(TenantRequests.WebService(template, p.Item1, p.Item2, i), p.Item1, TimeSpan.FromSeconds(i + 1)))],
            CancellationToken.None);
        return new ScenarioRun(QueueScenario, result.Executions, [.. cloud.Calls.All, .. result.Callbacks]);
    }

    /// <summary>
    /// The provisionings API function through the proxy integration, as API Gateway invokes it: a batch task applied
    /// and its status (its drift is planned against its tasks), then for a web service a dry run, an apply, its
    /// status, a teardown and its status. Each execution it starts is then run as its state machine would run it.
    /// </summary>
    private static async Task<ScenarioRun> ApiScenarioAsync(SamTemplate template, Dictionary<string, LocalWorkflow> workflows)
    {
        var clock = new VirtualClock(LocalWorkflow.DefaultStart);
        var cloud = new EmulatedCloud(clock);
        template.DeployTo(cloud);
        var stepFunctions = new RecordedStepFunctions(template, clock);
        var api = new LambdaProxyIntegration(new InProcessLambdaInvoker(template, cloud.PortsFor, clock, stepFunctions), "suite");
        var web = Example("web-service.json");
        var results = new List<ExecutionResult>();
        async Task SendAsync(string method, string path, JsonNode? body = null, Dictionary<string, string>? query = null)
        {
            var match = ApiRouteMatch.Find(template.ApiRoutes, method, path)!;
            var reply = await api.InvokeAsync(match, new ApiRequest(method, path, new Dictionary<string, string>(), query ?? [], body?.ToJsonString()), CancellationToken.None);
            if (reply.Status == 202)
            {
                var (machine, started) = stepFunctions.TakeStarted();
                results.Add(await workflows[machine].ExecuteAsync(new LocalExecution
                {
                    Cloud = cloud,
                    Clock = clock,
                    Request = JsonNode.Parse(started.Input!),
                    ExecutionName = started.Name!,
                    Jitter = new Random(7),
                }, CancellationToken.None));
            }
            else if (reply.Status != 200)
            {
                throw new InvalidOperationException($"{method} {path}: {reply.Status} {reply.Body}");
            }
        }

        await SendAsync("POST", "/provisionings", Example("batch-task.json"));
        await SendAsync("GET", "/provisionings/nightly-reconcile");
        await SendAsync("POST", "/provisionings", web, new Dictionary<string, string> { ["dryRun"] = "true" });
        await SendAsync("POST", "/provisionings", web);
        await SendAsync("GET", "/provisionings/storefront-web");
        await SendAsync("DELETE", "/provisionings/storefront-web");
        await SendAsync("GET", "/provisionings/storefront-web");
        return new ScenarioRun(ApiScenario, results, [.. cloud.Calls.All, .. stepFunctions.Calls]);
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
        yield return new("a failure on a finished provisioning deletes nothing", [new(batch), new(batch, Fault("ecs:DescribeTaskDefinition", "AccessDeniedException"))]);
        yield return new("a failure after the tasks started stops them", [new(batch, Fault("ecs:DescribeTasks", "AccessDeniedException"))]);
        yield return new("a web service re-run changes nothing", [new(web), new(web)]);
        yield return new("a new image replaces the tasks", [new(batch), new(Changed(batch, r => r["workload"]!["taskDefinition"]!["containerDefinitions"]![0]!["image"] = "public.ecr.aws/docker/library/busybox:1.37"))]);
        yield return new("scale out, then in", [new(web), new(Changed(web, r => r["cluster"]!["instanceCount"] = 3)), new(Changed(web, r =>
        {
            r["cluster"]!["instanceCount"] = 1;
            r["workload"]!["desiredCount"] = 1;
        }))]);
        yield return new("an instance type change replaces the instances", [new(web), new(Changed(web, r => r["cluster"]!["instanceType"] = "m5.large"))]);
        yield return new("a task-mode instance type change stops the tasks on the old instance", [new(batch), new(Changed(batch, r => r["cluster"]!["instanceType"] = "c5.large"))]);
        yield return new("a failed scale-in puts the drained instances back", [new(web), new(Changed(web, r =>
        {
            r["cluster"]!["instanceCount"] = 1;
            r["workload"]!["desiredCount"] = 1;
        }), Fault("ec2:TerminateInstances", "UnauthorizedOperation"))]);
        yield return new("a failed update restores the service, ingress and policies", [new(web), new(Changed(web, r =>
        {
            r["workload"]!["taskDefinition"]!["containerDefinitions"]![0]!["image"] = "public.ecr.aws/nginx/nginx:1.28";
            r["network"]!["ingress"]!.AsArray().RemoveAt(0);
            r["network"]!["ingress"]!.AsArray().Add(new JsonObject { ["protocol"] = "tcp", ["fromPort"] = 443, ["cidr"] = "10.0.3.0/24" });
            r["iam"]!["managedPolicyArns"] = new JsonArray();
        }), Fault("ecs:ListTasks", "AccessDeniedException"))]);
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
        yield return new("a web service is torn down", [new(web), Teardown(web)]);
        yield return new("a batch task is torn down twice", [new(batch), Teardown(batch), Teardown(batch)]);
        yield return new("a local-gateway provisioning is torn down", [new(onPremises), Teardown(onPremises)]);
        yield return new("a teardown waits for instances EC2 cannot reach yet", [new(batch), Teardown(batch, Fault("ec2:TerminateInstances", "ServiceUnavailable"))]);
    }

    private static ScenarioStep Teardown(JsonNode request, Action<EmulatedCloud, VirtualClock>? arrange = null) =>
        new(request, arrange, LocalWorkflow.TeardownStateMachine);

    private static Action<EmulatedCloud, VirtualClock> Fault(string operation, string code) =>
        (cloud, _) => cloud.InjectFault(operation, code, $"Injected {code}.");

    private static JsonObject Example(string name) =>
        JsonNode.Parse(File.ReadAllText(RepositoryFiles.Example(name)))!.AsObject();

    private static JsonObject Changed(JsonObject request, Action<JsonObject> change)
    {
        var copy = request.DeepClone().AsObject();
        change(copy);
        return copy;
    }

    private static JsonObject With(JsonObject request, string member, JsonNode value)
    {
        var copy = request.DeepClone().AsObject();
        copy[member] = value;
        return copy;
    }

    private sealed record Scenario(string Name, IReadOnlyList<ScenarioStep> Steps);

    /// <summary>A request, the state machine it goes to, and what the account holds before it runs; <paramref name="ExistingVpc"/> makes the VPC the request names (network.vpcId).</summary>
    private sealed record ScenarioStep(JsonNode Request, Action<EmulatedCloud, VirtualClock>? Arrange = null, string StateMachine = LocalWorkflow.ProvisionStateMachine, Func<EmulatedCloud, string>? ExistingVpc = null);

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
