using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Cli.Tests.Local;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Cli.Tests.Lifecycle;

/// <summary>
/// A platform team's week on one account, apply by apply, with the steps in process and over HTTP:
/// create, re-run unchanged (also on a full and on a disconnected Outpost), fail without losing
/// anything, fail a first creation and retry it, scale out and in, change the instance type, the
/// image of a service and of a task, remove an ingress rule, tear down (twice). Each step's mutating calls are
/// written to the test output, and before each one PlanProvisioning's answer is held against it.
/// </summary>
public sealed class ApplyLifecycleTests(ITestOutputHelper output)
{
    private const string Web = "storefront-web";
    private const string Batch = "nightly-reconcile";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_provisioning_lives_through_updates_failures_retries_and_teardown_without_losing_what_worked(bool overHttp)
    {
        await using var world = await LifecycleWorld.CreateAsync(overHttp);
        var web = LocalRun.Example("web-service.json");
        var batch = LocalRun.Example("batch-task.json");

        var created = await Step(world, "create", web);
        Assert.Equal("SUCCEEDED", created.Execution.Status);
        Assert.True(created.MutatingCalls > 0);
        var made = await TaggedIdsAsync(world, Web);

        var unchanged = await Step(world, "unchanged re-run", web);
        Assert.Equal(("SUCCEEDED", 0), (unchanged.Execution.Status, unchanged.MutatingCalls));

        var full = await Step(world, "unchanged re-run on a full Outpost", web, cloud => cloud.SetFreeSlots("c5.large", 0));
        Assert.Equal(("SUCCEEDED", 0), (full.Execution.Status, full.MutatingCalls));

        var disconnected = await Step(world, "unchanged re-run on a disconnected Outpost", web, cloud => cloud.SetConnected(false));
        Assert.Equal(("SUCCEEDED", 0), (disconnected.Execution.Status, disconnected.MutatingCalls));
        world.Cloud.SetConnected(true);
        world.Cloud.SetFreeSlots("c5.large", 8);

        var faulted = await Step(world, "re-run with a non-retryable fault", web,
            cloud => cloud.InjectFault("ecs:ListTasks", "AccessDeniedException", "User is not authorized to perform ecs:ListTasks."));
        Assert.Equal(("FAILED", "AccessDeniedException", 0), (faulted.Execution.Status, faulted.Execution.Error, faulted.MutatingCalls));
        Assert.Equal(made, await TaggedIdsAsync(world, Web));

        var afterFault = await Step(world, "re-run after the failure", web);
        Assert.Equal(("SUCCEEDED", 0), (afterFault.Execution.Status, afterFault.MutatingCalls));

        var refused = await Step(world, "a refused change (subnetCidr)", Changed(web, r => r["network"]!["subnetCidr"] = "10.0.4.0/24"));
        Assert.Equal(("FAILED", "Provisioning.ChangeRefused", 0), (refused.Execution.Status, refused.Execution.Error, refused.MutatingCalls));
        Assert.Contains("network.subnetCidr: is immutable", refused.Execution.Cause);
        Assert.Contains("Fix: keep 10.0.3.0/24", refused.Execution.Cause);

        var firstFails = await Step(world, "first creation that fails and rolls back", batch,
            cloud => cloud.InjectFault("ecs:RunTask", "InvalidParameterException", "Injected."));
        Assert.Equal(("FAILED", "InvalidParameterException"), (firstFails.Execution.Status, firstFails.Execution.Error));
        Assert.Empty(await TaggedIdsAsync(world, Batch));
        Assert.Equal(made, await TaggedIdsAsync(world, Web));

        var retried = await Step(world, "retry with the same id", batch);
        Assert.Equal("SUCCEEDED", retried.Execution.Status);

        var scaledOut = await Step(world, "scale out 2 -> 3", Changed(web, r => r["cluster"]!["instanceCount"] = 3));
        Assert.Equal("SUCCEEDED", scaledOut.Execution.Status);
        Assert.Equal(1, scaledOut.Mutating.GetValueOrDefault("ec2:RunInstances"));
        Assert.Equal(3, (await LiveInstancesAsync(world, Web)).Count);

        var newImage = Changed(web, r =>
        {
            r["cluster"]!["instanceCount"] = 3;
            r["workload"]!["taskDefinition"]!["containerDefinitions"]![0]!["image"] = "public.ecr.aws/nginx/nginx:1.28";
        });
        var imaged = await Step(world, "image change on the service", newImage);
        Assert.Equal("SUCCEEDED", imaged.Execution.Status);
        var service = await ServiceAsync(world);
        Assert.EndsWith($"task-definition/{Web}:2", service.TaskDefinition);
        Assert.Equal((1, 2, 2), (service.Deployments.Count, service.RunningCount, service.DesiredCount));

        // A task larger than any instance: ECS reports it cannot place it, the apply fails with ECS's
        // reason, and the rollback puts the service back on revision 2.
        var stuck = await Step(world, "a task definition ECS cannot place", Changed(newImage,
            r => r["workload"]!["taskDefinition"]!["containerDefinitions"]![0]!["memory"] = 65536));
        Assert.Equal(("FAILED", "Provisioning.WorkloadPlacementFailed"), (stuck.Execution.Status, stuck.Execution.Error));
        Assert.Contains("has insufficient memory available", stuck.Execution.Cause);
        Assert.EndsWith($"task-definition/{Web}:2", (await ServiceAsync(world)).TaskDefinition);

        var scaleIn = Changed(newImage, r =>
        {
            r["cluster"]!["instanceCount"] = 1;
            r["workload"]!["desiredCount"] = 1;
        });
        var scaledIn = await Step(world, "scale in 3 -> 1", scaleIn);
        Assert.Equal("SUCCEEDED", scaledIn.Execution.Status);
        Assert.Single(await LiveInstancesAsync(world, Web));
        Assert.Equal(1, scaledIn.Mutating.GetValueOrDefault("ecs:UpdateContainerInstancesState"));

        var newType = Changed(scaleIn, r => r["cluster"]!["instanceType"] = "m5.large");
        var replaced = await Step(world, "instance type c5.large -> m5.large", newType);
        Assert.Equal("SUCCEEDED", replaced.Execution.Status);
        Assert.All(await LiveInstancesAsync(world, Web), i => Assert.Equal("m5.large", i.InstanceType.Value));
        Assert.Equal(1, await RunningTaskCountAsync(world));

        var batchImage = Changed(batch, r => r["workload"]!["taskDefinition"]!["containerDefinitions"]![0]!["image"] = "public.ecr.aws/docker/library/busybox:1.37");
        var taskImaged = await Step(world, "image change on the task", batchImage);
        Assert.Equal("SUCCEEDED", taskImaged.Execution.Status);
        var taskArns = (await world.Ports.Ecs.ListTasksAsync(new ListTasksRequest { Cluster = Batch, StartedBy = Batch })).TaskArns;
        var running = (await world.Ports.Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = Batch, Tasks = taskArns })).Tasks;
        var newRevision = taskImaged.Execution.Output!["resources"]!["taskDefinition"]!["taskDefinitionArn"]!.GetValue<string>();
        Assert.All(running, t => Assert.Equal(newRevision, t.TaskDefinitionArn));
        Assert.Single(running);

        var noSsh = Changed(newType, r => r["network"]!["ingress"]!.AsArray().RemoveAt(0));
        var closed = await Step(world, "ingress removal", noSsh);
        Assert.Equal("SUCCEEDED", closed.Execution.Status);
        var group = (await world.Ports.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [ProvisioningTags.Ec2Filter(Web)] })).SecurityGroups.Single();
        Assert.DoesNotContain(group.IpPermissions, p => p.FromPort == 22);
        Assert.Equal(1, closed.Mutating.GetValueOrDefault("ec2:RevokeSecurityGroupIngress"));

        // ECS forgets a stopped task an hour after it stops, so the batch's finished tasks are not compared.
        static async Task<IReadOnlyList<string>> LastingIdsAsync(LifecycleWorld world) =>
            [.. (await TaggedIdsAsync(world, Batch)).Where(id => !id.Contains(":task/", StringComparison.Ordinal))];
        var batchIds = await LastingIdsAsync(world);
        var tornDown = await Teardown(world, "teardown", Web);
        Assert.Equal("SUCCEEDED", tornDown.Execution.Status);
        Assert.Empty(await TaggedIdsAsync(world, Web));
        Assert.Equal(batchIds, await LastingIdsAsync(world));

        var again = await Teardown(world, "teardown again", Web);
        Assert.Equal(("SUCCEEDED", 0), (again.Execution.Status, again.MutatingCalls));
    }

    private async Task<LifecycleStep> Teardown(LifecycleWorld world, string name, string provisioningId)
    {
        var step = await world.TeardownAsync(provisioningId);
        output.WriteLine($"{name}: {step}");
        return step;
    }

    private async Task<LifecycleStep> Step(LifecycleWorld world, string name, JsonNode request, Action<OutpostServerless.Emulator.EmulatedCloud>? arrange = null)
    {
        var step = await world.ApplyAsync(request, arrange);
        output.WriteLine($"{name}: {step}; planned: {string.Join(", ", step.PlannedBefore.Changes.Where(c => c.Action != ChangeAction.NoOp).Select(c => $"{c.Resource} {c.Action} {string.Join("+", c.Fields)}"))}");
        if (step.Execution.Status == "SUCCEEDED")
        {
            // A plan that says nothing changes is an apply that makes no mutating call, and the reverse.
            Assert.Equal(step.PlannedBefore.HasChanges, step.MutatingCalls > 0);
        }
        return step;
    }

    private static async Task<IReadOnlyList<string>> TaggedIdsAsync(LifecycleWorld world, string provisioningId)
    {
        await Task.Yield();
        return [.. world.Cloud.ResourcesTagged(ProvisioningTags.ProvisioningIdKey, provisioningId).Select(r => r.Id).Order(StringComparer.Ordinal)];
    }

    private static async Task<IReadOnlyList<Instance>> LiveInstancesAsync(LifecycleWorld world, string provisioningId) =>
        await LiveInstances.FindAsync(world.Ports.Ec2, [ProvisioningTags.Ec2Filter(provisioningId)], CancellationToken.None);

    private static async Task<int> RunningTaskCountAsync(LifecycleWorld world) => (await ServiceAsync(world)).RunningCount;

    private static async Task<EcsService> ServiceAsync(LifecycleWorld world) =>
        (await world.Ports.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = "storefront", Services = [Web] })).Services.Single();

    private static JsonObject Changed(JsonObject request, Action<JsonObject> change)
    {
        var copy = request.DeepClone().AsObject();
        change(copy);
        return copy;
    }
}
