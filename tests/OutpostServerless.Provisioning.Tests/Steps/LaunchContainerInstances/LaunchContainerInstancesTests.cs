using Amazon.EC2.Model;
using Amazon.Runtime;
using OutpostServerless.Aws.Ec2;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tagging;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

public sealed class LaunchContainerInstancesTests
{
    [Fact]
    public async Task LaunchContainerInstances_launches_the_planned_count_into_the_outpost_subnet_as_configured()
    {
        var world = ProvisioningWorld.Create();
        var resources = await world.ProvisionAsync(Stage.Cluster);

        var launched = await world.LaunchContainerInstancesAsync(resources);

        var instances = await DescribeAsync(world, launched.InstanceIds);
        Assert.Equal(world.Plan.Cluster.InstanceCount, instances.Count);
        Assert.All(instances, i =>
        {
            Assert.Equal((resources.Subnet!.SubnetId, world.Plan.Cluster.InstanceType, world.Plan.Cluster.KeyName),
                (i.SubnetId, i.InstanceType.Value, i.KeyName));
            Assert.Equal([resources.SecurityGroup!.GroupId], i.SecurityGroups.Select(g => g.GroupId));
            Assert.EndsWith($"/{resources.InstanceRole!.InstanceProfileName}", i.IamInstanceProfile.Arn, StringComparison.Ordinal);
            Assert.True(ProvisioningTags.CarriesProvisioningId(i.Tags, world.Plan.ProvisioningId));
        });
    }

    [Fact]
    public async Task LaunchContainerInstances_resolves_the_ecs_optimized_ami_from_ssm_when_the_plan_names_none()
    {
        var world = ProvisioningWorld.Create();
        var resources = await world.ProvisionAsync(Stage.Cluster);
        var recommended = (await world.Aws.Ssm.GetParameterAsync(new Amazon.SimpleSystemsManagement.Model.GetParameterRequest { Name = EcsOptimizedAmi.X86Parameter })).Parameter.Value;

        var launched = await world.LaunchContainerInstancesAsync(resources);

        Assert.Equal(recommended, launched.ImageId);
        Assert.All(await DescribeAsync(world, launched.InstanceIds), i => Assert.Equal(recommended, i.ImageId));
    }

    [Fact]
    public async Task LaunchContainerInstances_uses_the_ami_the_plan_names()
    {
        const string customAmi = "ami-0abcdef1234567890";
        var world = ProvisioningWorld.Create(p => p with { Cluster = p.Cluster with { AmiId = customAmi } });
        var resources = await world.ProvisionAsync(Stage.Cluster);

        var launched = await world.LaunchContainerInstancesAsync(resources);

        Assert.Equal(customAmi, launched.ImageId);
        Assert.Equal(0, world.Cloud.Calls.Count("ssm:GetParameter"));
    }

    [Fact]
    public async Task LaunchContainerInstances_passes_user_data_that_joins_the_instances_to_the_cluster()
    {
        var world = ProvisioningWorld.Create();
        var resources = await world.ProvisionAsync(Stage.Cluster);

        var launched = await world.LaunchContainerInstancesAsync(resources);
        world.Clock.Advance(ProvisioningWorld.AgentRegistrationTime);

        var config = world.Cloud.AgentConfiguration(launched.InstanceIds[0]);
        Assert.NotNull(config);
        Assert.Equal(world.Plan.Cluster.Name, config.Cluster);
    }

    [Fact]
    public async Task LaunchContainerInstances_called_twice_launches_one_set_and_the_second_call_changes_nothing()
    {
        var world = ProvisioningWorld.Create();
        var resources = await world.ProvisionAsync(Stage.Cluster);
        var (first, second, mutating) = await world.RunTwiceAsync(() => world.LaunchContainerInstancesAsync(resources));

        Assert.Equal(first.InstanceIds, second.InstanceIds);
        Assert.Equal(first.ImageId, second.ImageId);
        Assert.Equal(0, mutating);
    }

    [Fact]
    public async Task LaunchContainerInstances_launches_only_the_instances_that_are_missing()
    {
        var world = ProvisioningWorld.Create();
        var resources = await world.ProvisionAsync(Stage.Cluster);
        var first = await world.LaunchContainerInstancesAsync(resources);
        await world.Aws.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [first.InstanceIds[0]] });

        var second = await world.LaunchContainerInstancesAsync(resources);

        Assert.Equal(world.Plan.Cluster.InstanceCount, second.InstanceIds.Count);
        Assert.Contains(first.InstanceIds[1], second.InstanceIds);
        Assert.DoesNotContain(first.InstanceIds[0], second.InstanceIds);
    }

    [Fact]
    public async Task LaunchContainerInstances_surfaces_InsufficientInstanceCapacity_unchanged_and_launches_nothing()
    {
        var world = ProvisioningWorld.Create();
        var resources = await world.ProvisionAsync(Stage.Cluster);
        world.Cloud.SetFreeSlots(world.Plan.Cluster.InstanceType, world.Plan.Cluster.InstanceCount - 1);

        var error = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => world.LaunchContainerInstancesAsync(resources));

        Assert.Equal(Ec2ErrorCodes.InsufficientInstanceCapacity, error.ErrorCode);
        Assert.IsNotAssignableFrom<ProvisioningException>(error);
        Assert.DoesNotContain(world.ResourcesTaggedOurs(), r => r.Type == "instance");
    }

    [Fact]
    public async Task LaunchContainerInstances_fails_StepInputMissing_without_the_subnet()
    {
        var world = ProvisioningWorld.Create();

        var error = await Assert.ThrowsAsync<StepInputMissingException>(() => world.LaunchContainerInstancesAsync(new ProvisioningResources()));

        Assert.Equal("resources.subnet", error.Member);
    }

    private static async Task<List<Instance>> DescribeAsync(ProvisioningWorld world, IReadOnlyList<string> instanceIds) =>
        [.. (await world.Aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [.. instanceIds] }))
            .Reservations.SelectMany(r => r.Instances)];

    [Fact]
    public async Task LaunchContainerInstances_right_after_the_profile_is_made_reports_it_not_yet_propagated()
    {
        var world = ProvisioningWorld.Create();
        var resources = await world.ProvisionAsync(Stage.Cluster);
        // A second provisioning's role and profile, launched at once: IAM has not propagated it to EC2 yet.
        var fresh = world.WithPlan(p => p with { Iam = p.Iam with { RoleName = "fresh-instance", InstanceProfileName = "fresh-instance" } });
        var role = await fresh.EnsureInstanceRoleAsync();

        var error = await Assert.ThrowsAsync<InstanceProfileNotPropagatedException>(() =>
            fresh.LaunchContainerInstancesAsync(resources with { InstanceRole = role }));

        Assert.Equal("Provisioning.InstanceProfileNotPropagated", error.ErrorName);
        Assert.Equal("fresh-instance", error.InstanceProfileName);
    }

    [Fact]
    public async Task LaunchContainerInstances_leaves_any_other_InvalidParameterValue_as_it_is()
    {
        var world = ProvisioningWorld.Create();
        var resources = await world.ProvisionAsync(Stage.Cluster);
        world.Cloud.InjectFault("ec2:RunInstances", "InvalidParameterValue", "Invalid value 'x' for InstanceType.");

        var error = await Assert.ThrowsAsync<Amazon.EC2.AmazonEC2Exception>(() => world.LaunchContainerInstancesAsync(resources));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
    }
}
