using Amazon.EC2.Model;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

public sealed class RollbackTests
{
    [Theory]
    [InlineData(Stage.NetworkAndIam)]
    [InlineData(Stage.Instances)]
    [InlineData(Stage.TaskDefinition)]
    [InlineData(Stage.Workload)]
    public async Task Rollback_after_a_partial_run_leaves_nothing_tagged_with_the_provisioning(Stage stage)
    {
        var world = ProvisioningWorld.Create();
        await world.ProvisionAsync(stage);
        Assert.NotEmpty(world.ResourcesTaggedOurs());

        await world.RollbackUntilDoneAsync();
        world.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Empty(world.ResourcesTaggedOurs());
    }

    [Fact]
    public async Task Rollback_in_task_mode_stops_the_tasks_it_started()
    {
        var world = ProvisioningWorld.Create(p => p.InTaskMode(desiredCount: 2));
        var resources = await world.ProvisionAsync();

        var deleted = await world.RollbackUntilDoneAsync();
        world.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(resources.Workload!.TaskArns.Order(StringComparer.Ordinal),
            deleted.Where(d => d.Type == "ecs:task").Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Empty(world.ResourcesTaggedOurs());
    }

    [Fact]
    public async Task Rollback_deletes_in_reverse_dependency_order()
    {
        var world = ProvisioningWorld.Create();
        await world.ProvisionAsync();

        var deleted = await world.RollbackUntilDoneAsync();

        var order = deleted.Select(d => d.Type).Distinct().ToList();
        Assert.Equal(
            ["ecs:service", "ecs:task-definition", "ec2:instance", "ecs:cluster", "iam:instance-profile", "iam:role", "ec2:security-group", "ec2:subnet", "ec2:route-table", "ec2:internet-gateway", "ec2:vpc"],
            order.Where(t => t != "ecs:container-instance"));
    }

    [Fact]
    public async Task Rollback_run_again_deletes_nothing_and_changes_nothing()
    {
        var world = ProvisioningWorld.Create();
        await world.ProvisionAsync();
        await world.RollbackUntilDoneAsync();
        world.Clock.Advance(TimeSpan.FromMinutes(1));

        RollbackResult? again = null;
        var mutating = await world.MutatingCallsOf(async () => again = await world.RollbackAsync());

        Assert.Empty(again!.Deleted);
        Assert.Equal(0, mutating);
    }

    [Fact]
    public async Task Rollback_with_nothing_created_succeeds_and_deletes_nothing()
    {
        var world = ProvisioningWorld.Create();

        var result = await world.RollbackAsync();

        Assert.Empty(result.Deleted);
    }

    [Fact]
    public async Task Rollback_never_deletes_the_existing_vpc_the_request_named()
    {
        var world = ProvisioningWorld.Create();
        var users = (await world.Aws.Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc;
        world = world.WithPlan(p => p.WithExistingVpc(users.VpcId));
        await world.ProvisionAsync(Stage.Instances);

        var deleted = await world.RollbackUntilDoneAsync();

        Assert.DoesNotContain(deleted, d => d.Type == "ec2:vpc");
        Assert.Single((await world.Aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [users.VpcId] })).Vpcs);
        Assert.Contains(deleted, d => d.Type == "ec2:subnet");
    }

    [Fact]
    public async Task Rollback_leaves_a_foreign_role_of_the_planned_name_alone()
    {
        var world = ProvisioningWorld.Create();
        await world.Aws.Iam.CreateRoleAsync(new CreateRoleRequest
        {
            RoleName = world.Plan.Iam.RoleName,
            AssumeRolePolicyDocument = InstanceRolePolicies.Ec2TrustPolicy,
        });
        await Assert.ThrowsAsync<ResourceConflictException>(() => world.EnsureInstanceRoleAsync());

        var deleted = await world.RollbackUntilDoneAsync();

        Assert.DoesNotContain(deleted, d => d.Type == "iam:role");
        Assert.Equal(world.Plan.Iam.RoleName, (await world.Aws.Iam.GetRoleAsync(new GetRoleRequest(world.Plan.Iam.RoleName))).Role.RoleName);
    }

    [Fact]
    public async Task Rollback_finds_what_a_failed_branch_made_even_though_the_state_lost_it()
    {
        var world = ProvisioningWorld.Create();
        // The network branch made a VPC and subnet, then failed: its outputs never reached the state.
        var vpc = await world.EnsureVpcAsync();
        await world.EnsureSubnetAsync(vpc);

        var deleted = await world.Rollback.RunAsync(
            new RollbackInput(world.Plan, new StepFailure("States.TaskFailed", "EnsureSecurityGroup failed")), CancellationToken.None);

        Assert.Equal(["ec2:subnet", "ec2:vpc"], deleted.Deleted.Select(d => d.Type));
    }

    [Fact]
    public async Task Rollback_waits_with_RollbackPending_while_its_instances_are_still_shutting_down()
    {
        var world = ProvisioningWorld.Create();
        var resources = await world.ProvisionAsync(Stage.Instances);

        var pending = await Assert.ThrowsAsync<RollbackPendingException>(() => world.RollbackAsync());

        Assert.Equal("Provisioning.RollbackPending", pending.ErrorName);
        Assert.Equal(resources.Instances!.InstanceIds, pending.ShuttingDownInstanceIds);
        Assert.Equal(resources.Instances.InstanceIds, pending.DeletedSoFar.Where(d => d.Type == "ec2:instance").Select(d => d.Id));
        Assert.Contains(world.ResourcesTaggedOurs(), r => r.Type == "subnet");
    }
}
