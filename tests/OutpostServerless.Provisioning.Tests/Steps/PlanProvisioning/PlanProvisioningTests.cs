using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

public sealed class PlanProvisioningTests
{
    [Fact]
    public async Task A_new_provisioning_plans_a_create_for_every_resource_and_every_slot()
    {
        var world = ProvisioningWorld.Create();

        var apply = await world.PlanAsync();

        Assert.All(apply.ChangeSet.Changes, c => Assert.Equal(ChangeAction.Create, c.Action));
        Assert.Empty(apply.ChangeSet.Refused);
        Assert.Equal(world.Plan.Cluster.InstanceCount, apply.SlotsNeeded);
    }

    [Fact]
    public async Task An_unchanged_provisioning_plans_no_op_everywhere_and_needs_no_slot()
    {
        var world = ProvisioningWorld.Create();
        await world.ProvisionAsync();

        var apply = await world.NextExecution().PlanAsync();

        Assert.All(apply.ChangeSet.Changes, c => Assert.Equal(ChangeAction.NoOp, c.Action));
        Assert.False(apply.ChangeSet.HasChanges);
        Assert.Equal(0, apply.SlotsNeeded);
    }

    [Fact]
    public async Task Planning_makes_no_mutating_call()
    {
        var world = ProvisioningWorld.Create();
        await world.ProvisionAsync();

        var mutating = await world.MutatingCallsOf(() => world.NextExecution(p => p with { Cluster = p.Cluster with { InstanceCount = 5 } }).PlanAsync());

        Assert.Equal(0, mutating);
    }

    [Theory]
    [InlineData(3, ChangeAction.Update, 1)]
    [InlineData(1, ChangeAction.Update, 0)]
    public async Task A_new_instance_count_is_an_update_that_asks_only_for_the_missing_slots(int count, ChangeAction action, int slots)
    {
        var world = ProvisioningWorld.Create();
        await world.ProvisionAsync();

        var apply = await world.NextExecution(p => p with { Cluster = p.Cluster with { InstanceCount = count } }).PlanAsync();

        var instances = apply.ChangeSet.Changes.Single(c => c.Resource == "container-instances");
        Assert.Equal((action, "cluster.instanceCount"), (instances.Action, Assert.Single(instances.Fields)));
        Assert.Equal(slots, apply.SlotsNeeded);
    }

    [Fact]
    public async Task A_new_instance_type_replaces_every_instance_and_asks_for_all_their_slots()
    {
        var world = ProvisioningWorld.Create();
        await world.ProvisionAsync();

        var apply = await world.NextExecution(p => p with { Cluster = p.Cluster with { InstanceType = "m5.large" } }).PlanAsync();

        var instances = apply.ChangeSet.Changes.Single(c => c.Resource == "container-instances");
        Assert.Equal((ChangeAction.Replace, "cluster.instanceType"), (instances.Action, Assert.Single(instances.Fields)));
        Assert.Equal(world.Plan.Cluster.InstanceCount, apply.SlotsNeeded);
    }

    [Fact]
    public async Task A_new_image_is_a_new_revision_and_a_service_update()
    {
        var world = ProvisioningWorld.Create();
        await world.ProvisionAsync();

        var apply = await world.NextExecution(p => p with
        {
            Workload = p.Workload with { TaskDefinition = TestPlans.TaskDefinition(p.Workload.Family, "nginx:1.28") },
        }).PlanAsync();

        Assert.Equal(ChangeAction.Update, apply.ChangeSet.Changes.Single(c => c.Resource == "task-definition").Action);
        Assert.Equal(["workload.taskDefinition"], apply.ChangeSet.Changes.Single(c => c.Resource == "service").Fields);
        Assert.Equal(0, apply.SlotsNeeded);
    }

    [Theory]
    [InlineData("network.subnetCidr")]
    [InlineData("network.vpcCidr")]
    [InlineData("availabilityZoneId")]
    [InlineData("cluster.name")]
    [InlineData("iam.roleName")]
    [InlineData("workload.serviceName")]
    [InlineData("workload.mode")]
    public async Task A_change_that_cannot_be_applied_in_place_is_refused_with_its_field_and_a_fix(string field)
    {
        var world = ProvisioningWorld.Create();
        await world.ProvisionAsync();
        var changed = world.NextExecution(p => Change(p, field));

        var apply = await changed.PlanAsync();
        var refused = await Assert.ThrowsAsync<ChangeRefusedException>(
            () => changed.PlanProvisioning.RunAsync(new PlanProvisioningInput(changed.Plan), CancellationToken.None));

        var refusal = Assert.Single(apply.ChangeSet.Refused, r => r.Field == field);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Fix));
        Assert.Equal(ChangeRefusedException.Name, refused.ErrorName);
        Assert.Contains($"{field}: ", refused.Message);
        Assert.Contains("Fix: ", refused.Message);
    }

    [Fact]
    public async Task A_refused_change_touches_nothing()
    {
        var world = ProvisioningWorld.Create();
        await world.ProvisionAsync();
        var changed = world.NextExecution(p => Change(p, "network.subnetCidr"));

        var mutating = await changed.MutatingCallsOf(() => Assert.ThrowsAsync<ChangeRefusedException>(
            () => changed.PlanProvisioning.RunAsync(new PlanProvisioningInput(changed.Plan), CancellationToken.None)));

        Assert.Equal(0, mutating);
    }

    private static ProvisioningPlan Change(ProvisioningPlan plan, string field) => field switch
    {
        "network.subnetCidr" => plan with { Network = plan.Network with { SubnetCidr = "10.0.4.0/24" } },
        "network.vpcCidr" => plan with { Network = plan.Network with { VpcCidr = "10.9.0.0/16", SubnetCidr = "10.9.3.0/24" } },
        "availabilityZoneId" => plan with { AvailabilityZoneId = "usw2-az2" },
        "cluster.name" => plan with { Cluster = plan.Cluster with { Name = "renamed" } },
        "iam.roleName" => plan with { Iam = plan.Iam with { RoleName = "renamed-role", InstanceProfileName = "renamed-role" } },
        "workload.serviceName" => plan with { Workload = plan.Workload with { ServiceName = "renamed-service" } },
        "workload.mode" => plan.InTaskMode(),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
