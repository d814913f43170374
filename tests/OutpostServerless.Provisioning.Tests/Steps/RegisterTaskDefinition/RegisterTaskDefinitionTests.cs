using OutpostServerless.Aws.Ecs;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tagging;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

public sealed class RegisterTaskDefinitionTests
{
    [Fact]
    public async Task RegisterTaskDefinition_registers_the_planned_definition_tagged_as_ours()
    {
        var world = ProvisioningWorld.Create();

        var registered = await world.RegisterTaskDefinitionAsync();

        var described = await world.Aws.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest
        {
            TaskDefinition = registered.TaskDefinitionArn,
            Include = ["TAGS"],
        });
        Assert.Equal(world.Plan.Workload.Family, described.TaskDefinition.Family);
        Assert.Equal(["EC2"], described.TaskDefinition.RequiresCompatibilities);
        Assert.True(ProvisioningTags.CarriesProvisioningId(described.Tags, world.Plan.ProvisioningId));
    }

    [Fact]
    public async Task RegisterTaskDefinition_makes_no_new_revision_when_the_latest_is_identical()
    {
        var world = ProvisioningWorld.Create();
        var first = await world.RegisterTaskDefinitionAsync();

        TaskDefinitionResource? second = null;
        var mutating = await world.MutatingCallsOf(async () => second = await world.RegisterTaskDefinitionAsync());

        Assert.Equal(first, second);
        Assert.Equal(0, mutating);
    }

    [Fact]
    public async Task RegisterTaskDefinition_makes_a_new_revision_when_the_plan_changed()
    {
        var world = ProvisioningWorld.Create();
        var first = await world.RegisterTaskDefinitionAsync();
        var changed = world.WithPlan(p => p with
        {
            Workload = p.Workload with { TaskDefinition = TestPlans.TaskDefinition(p.Workload.Family, "nginx:1.28") },
        });

        var second = await changed.RegisterTaskDefinitionAsync();

        Assert.Equal(first.Revision + 1, second.Revision);
        Assert.NotEqual(first.TaskDefinitionArn, second.TaskDefinitionArn);
    }

    [Fact]
    public async Task RegisterTaskDefinition_does_not_reuse_an_identical_revision_someone_else_registered()
    {
        var world = ProvisioningWorld.Create();
        var request = TaskDefinitionRequest.From(world.Plan.Workload, []);
        var foreign = (await world.Aws.Ecs.RegisterTaskDefinitionAsync(request)).TaskDefinition;

        var ours = await world.RegisterTaskDefinitionAsync();

        Assert.Equal(foreign.Revision + 1, ours.Revision);
    }
}
