using Microsoft.Extensions.Logging.Abstractions;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Ec2;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps.Racing;

/// <summary>
/// Two attempts of one provisioning (two executions with the same id, or a step and its retry) that
/// both look before either creates: they end with one resource between them, never two.
/// </summary>
public sealed class RacingAttemptsTests
{
    private readonly ProvisioningWorld _world = ProvisioningWorld.Create();

    [Fact]
    public async Task Two_attempts_that_both_create_a_VPC_end_with_one_between_them()
    {
        var race = new Rendezvous(2, nameof(IEc2.DescribeVpcsAsync), nameof(IEc2.CreateVpcAsync));

        var firstRound = await Task.WhenAll(ContendAsync(Racer(race)), ContendAsync(Racer(race)));
        // What the state machine does for an attempt that stepped aside: retry it after a pause.
        var settled = new List<VpcResource>();
        foreach (var vpc in firstRound)
        {
            settled.Add(vpc ?? await _world.EnsureVpcAsync());
        }

        Assert.Contains(firstRound, vpc => vpc is null);
        Assert.Single(settled.Distinct());
        Assert.Equal([settled[0].VpcId], _world.ResourcesTaggedOurs().Where(r => r.Type == "vpc").Select(r => r.Id));
    }

    [Fact]
    public async Task A_retry_that_finds_two_VPCs_of_its_provisioning_waits_for_the_race_to_settle_instead_of_picking_one()
    {
        var race = new Rendezvous(2, nameof(IEc2.DescribeVpcsAsync));
        await Task.WhenAll(CreateVpcAsync(Racer(race)), CreateVpcAsync(Racer(race)));

        var contention = await Assert.ThrowsAsync<ResourceContentionException>(() => _world.EnsureVpcAsync());

        Assert.Equal(ResourceContentionException.Name, contention.ErrorName);
        Assert.Equal(2, contention.Contenders.Count);
    }

    [Fact]
    public async Task Two_attempts_that_both_create_the_subnet_share_one()
    {
        var vpc = await _world.EnsureVpcAsync();
        var race = new Rendezvous(2, nameof(IEc2.DescribeSubnetsAsync));

        var subnets = await Task.WhenAll(
            new EnsureSubnet(Racer(race), NullLogger<EnsureSubnet>.Instance).RunAsync(new EnsureSubnetInput(_world.Plan, vpc), CancellationToken.None),
            new EnsureSubnet(Racer(race), NullLogger<EnsureSubnet>.Instance).RunAsync(new EnsureSubnetInput(_world.Plan, vpc), CancellationToken.None));

        Assert.Equal(subnets[0], subnets[1]);
        Assert.Single(_world.ResourcesTaggedOurs(), r => r.Type == "subnet");
    }

    [Fact]
    public async Task Two_attempts_that_both_create_the_security_group_share_one_with_every_rule()
    {
        var vpc = await _world.EnsureVpcAsync();
        var race = new Rendezvous(2, nameof(IEc2.DescribeSecurityGroupsAsync));

        var groups = await Task.WhenAll(
            new EnsureSecurityGroup(Racer(race), NullLogger<EnsureSecurityGroup>.Instance).RunAsync(new EnsureSecurityGroupInput(_world.Plan, vpc), CancellationToken.None),
            new EnsureSecurityGroup(Racer(race), NullLogger<EnsureSecurityGroup>.Instance).RunAsync(new EnsureSecurityGroupInput(_world.Plan, vpc), CancellationToken.None));

        Assert.Equal(groups[0], groups[1]);
        Assert.Single(_world.ResourcesTaggedOurs(), r => r.Type == "security-group");
        Assert.Equal(0, await _world.MutatingCallsOf(() => _world.EnsureSecurityGroupAsync(vpc)));
    }

    [Fact]
    public async Task Two_attempts_that_both_create_the_role_and_profile_share_one_of_each()
    {
        var race = new Rendezvous(2, nameof(IIam.GetRoleAsync), nameof(IIam.GetInstanceProfileAsync));

        var roles = await Task.WhenAll(
            new EnsureInstanceRole(Racer(race), NullLogger<EnsureInstanceRole>.Instance).RunAsync(new EnsureInstanceRoleInput(_world.Plan), CancellationToken.None),
            new EnsureInstanceRole(Racer(race), NullLogger<EnsureInstanceRole>.Instance).RunAsync(new EnsureInstanceRoleInput(_world.Plan), CancellationToken.None));

        Assert.Equal(roles[0].RoleArn, roles[1].RoleArn);
        Assert.Equal(roles[0].InstanceProfileArn, roles[1].InstanceProfileArn);
        Assert.Single(_world.ResourcesTaggedOurs(), r => r.Type == "role");
        Assert.Single(_world.ResourcesTaggedOurs(), r => r.Type == "instance-profile");
        Assert.Equal(0, await _world.MutatingCallsOf(() => _world.EnsureInstanceRoleAsync()));
    }

    [Fact]
    public async Task Two_attempts_that_both_register_the_task_definition_keep_one_revision()
    {
        var race = new Rendezvous(2, nameof(IEcs.DescribeTaskDefinitionAsync));

        var definitions = await Task.WhenAll(
            new RegisterTaskDefinition(Racer(race), NullLogger<RegisterTaskDefinition>.Instance).RunAsync(new RegisterTaskDefinitionInput(_world.Plan), CancellationToken.None),
            new RegisterTaskDefinition(Racer(race), NullLogger<RegisterTaskDefinition>.Instance).RunAsync(new RegisterTaskDefinitionInput(_world.Plan), CancellationToken.None));

        Assert.Equal(definitions[0], definitions[1]);
        Assert.Equal(1, definitions[0].Revision);
        Assert.Equal([definitions[0].TaskDefinitionArn], _world.ResourcesTaggedOurs().Where(r => r.Type == "task-definition").Select(r => r.Id));
    }

    /// <summary>One racer's ports: the world's own, with its EC2, IAM and ECS calls meeting the others'.</summary>
    private AwsPorts Racer(Rendezvous race) => _world.Aws with
    {
        Ec2 = RacingPort.Around(_world.Aws.Ec2, race),
        Iam = RacingPort.Around(_world.Aws.Iam, race),
        Ecs = RacingPort.Around(_world.Aws.Ecs, race),
    };

    private async Task<VpcResource?> ContendAsync(AwsPorts ports)
    {
        try
        {
            return await new EnsureVpc(ports, NullLogger<EnsureVpc>.Instance).RunAsync(new EnsureVpcInput(_world.Plan), CancellationToken.None);
        }
        catch (ResourceContentionException)
        {
            return null;
        }
    }

    // A racer that creates without checking afterwards, as an attempt that crashed right after CreateVpc would.
    private async Task CreateVpcAsync(AwsPorts ports)
    {
        var found = await ports.Ec2.DescribeVpcsAsync(new Amazon.EC2.Model.DescribeVpcsRequest { Filters = [Tagging.ProvisioningTags.Ec2Filter(_world.Plan.ProvisioningId)] });
        Assert.Empty(found.Vpcs ?? []);
        await ports.Ec2.CreateVpcAsync(new Amazon.EC2.Model.CreateVpcRequest
        {
            CidrBlock = _world.Plan.Network.VpcCidr,
            TagSpecifications = [Tagging.ResourceTags.For(_world.Plan, nameof(EnsureVpc)).ToEc2Specification(Amazon.EC2.ResourceType.Vpc)],
        });
    }
}
