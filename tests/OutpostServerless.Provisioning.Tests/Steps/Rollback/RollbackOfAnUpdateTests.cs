using Amazon.EC2.Model;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tagging;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

/// <summary>
/// A failed update rolls back to the last working state, as CloudFormation's update rollback does:
/// what the failed execution created goes, what it modified comes back, what existed stays.
/// </summary>
public sealed class RollbackOfAnUpdateTests
{
    [Fact]
    public async Task Rollback_of_an_update_never_deletes_what_existed_before_it()
    {
        var world = ProvisioningWorld.Create();
        await world.ProvisionAsync();
        var existing = world.ResourcesTaggedOurs().Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        var update = world.NextExecution(p => p with { Cluster = p.Cluster with { InstanceCount = 3 } });
        var apply = await update.PlanAsync();
        await update.ProvisionAsync(Stage.Instances);

        var deleted = await update.RollbackUntilDoneAsync(apply);

        Assert.Equal(existing, world.ResourcesTaggedOurs().Select(r => r.Id).Order(StringComparer.Ordinal).ToList());
        Assert.Equal("ec2:instance", Assert.Single(deleted).Type);
    }

    [Fact]
    public async Task Rollback_of_an_update_puts_back_the_service_the_ingress_and_the_policies()
    {
        var world = ProvisioningWorld.Create();
        var working = await world.ProvisionAsync();
        var update = world.NextExecution(p => p with
        {
            Network = p.Network with { Ingress = [new IngressRulePlan("tcp", 443, 443, "10.0.3.0/24", null)] },
            Iam = p.Iam with { ManagedPolicyArns = [.. p.Iam.ManagedPolicyArns, "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"] },
            Workload = p.Workload with { TaskDefinition = TestPlans.TaskDefinition(p.Workload.Family, "nginx:1.28"), DesiredCount = 2 },
        });
        var apply = await update.PlanAsync();
        await update.ProvisionAsync();

        var result = await update.RollbackAsync(apply);

        var service = (await world.Aws.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = world.Plan.Cluster.Name, Services = [world.Plan.Workload.ServiceName!] })).Services.Single();
        Assert.Equal((working.TaskDefinition!.TaskDefinitionArn, 1), (service.TaskDefinition, service.DesiredCount));
        var group = (await world.Aws.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [ProvisioningTags.Ec2Filter(world.Plan.ProvisioningId)] })).SecurityGroups.Single();
        Assert.True(IngressDiff.Of(world.Plan.Network.Ingress, IngressPermissions.RulesOf(group.IpPermissions)).IsEmpty);
        var policies = (await world.Aws.Iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest(world.Plan.Iam.RoleName))).AttachedPolicies.Select(p => p.PolicyArn);
        Assert.Equal(world.Plan.Iam.ManagedPolicyArns, policies);
        Assert.Equal(["ec2:security-group", "ecs:service", "iam:role"], result.Restored.Select(r => r.Type).Order(StringComparer.Ordinal));
        Assert.Equal(["ecs:task-definition"], result.Deleted.Select(d => d.Type));
    }

    [Fact]
    public async Task Rollback_of_an_execution_that_changed_nothing_makes_no_mutating_call()
    {
        var world = ProvisioningWorld.Create();
        await world.ProvisionAsync();
        var rerun = world.NextExecution();
        var apply = await rerun.PlanAsync();

        var mutating = await rerun.MutatingCallsOf(() => rerun.RollbackAsync(apply));

        Assert.Equal(0, mutating);
    }
}
