using static OutpostServerless.Emulator.Tests.Wire.CliJson;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Wire;

/// <summary>Every EC2 operation the ports declare, driven by the real AWS CLI (v1 and v2) over ec2Query.</summary>
public sealed class AwsCliEc2Tests
{
    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task Vpc_subnet_and_security_group_are_created_described_and_deleted_through_the_cli(AwsCliVersion version)
    {
        await using var session = await CliSession.StartAsync(version);
        var aws = session.Aws;
        var vpc = (await aws.JsonAsync("ec2", "create-vpc", "--cidr-block", "10.0.0.0/16", "--tag-specifications", "ResourceType=vpc,Tags=[{Key=outpost-serverless:provisioning-id,Value=p-1}]"))["Vpc"]!;
        var vpcId = Text(vpc["VpcId"]);
        Assert.StartsWith("vpc-", vpcId, StringComparison.Ordinal);
        Assert.Equal("10.0.0.0/16", Text(vpc["CidrBlock"]));
        Assert.Equal("p-1", Text(vpc["Tags"]![0]!["Value"]));

        var vpcs = await aws.JsonAsync("ec2", "describe-vpcs", "--filters", "Name=tag:outpost-serverless:provisioning-id,Values=p-1");
        Assert.Equal([vpcId], vpcs["Vpcs"]!.AsArray().Select(v => Text(v!["VpcId"])));
        Assert.Equal("available", Text(vpcs["Vpcs"]![0]!["State"]));

        var subnet = (await aws.JsonAsync(
            "ec2", "create-subnet", "--vpc-id", vpcId, "--cidr-block", "10.0.3.0/24",
            "--outpost-arn", session.World.Cloud.DefaultOutpostArn, "--availability-zone-id", TestWorld.OutpostAzId))["Subnet"]!;
        var subnetId = Text(subnet["SubnetId"]);
        Assert.Equal(session.World.Cloud.DefaultOutpostArn, Text(subnet["OutpostArn"]));

        var subnets = await aws.JsonAsync("ec2", "describe-subnets", "--subnet-ids", subnetId);
        Assert.Equal("us-west-2a", Text(subnets["Subnets"]![0]!["AvailabilityZone"]));
        Assert.Equal(vpcId, Text(subnets["Subnets"]![0]!["VpcId"]));

        var group = await aws.JsonAsync("ec2", "create-security-group", "--vpc-id", vpcId, "--group-name", "outpost-sg", "--description", "container instances");
        var groupId = Text(group["GroupId"]);
        Assert.StartsWith("sg-", groupId, StringComparison.Ordinal);

        var ingress = await aws.JsonAsync(
            "ec2", "authorize-security-group-ingress", "--group-id", groupId,
            "--ip-permissions", "IpProtocol=tcp,FromPort=80,ToPort=80,IpRanges=[{CidrIp=10.0.0.0/16,Description=web}]");
        Assert.True(ingress["Return"]!.GetValue<bool>());
        Assert.Equal("10.0.0.0/16", Text(ingress["SecurityGroupRules"]![0]!["CidrIpv4"]));
        Assert.Equal(80, ingress["SecurityGroupRules"]![0]!["FromPort"]!.GetValue<int>());

        var groups = await aws.JsonAsync("ec2", "describe-security-groups", "--group-ids", groupId);
        var permission = groups["SecurityGroups"]![0]!["IpPermissions"]![0]!;
        Assert.Equal("web", Text(permission["IpRanges"]![0]!["Description"]));
        Assert.Equal("container instances", Text(groups["SecurityGroups"]![0]!["Description"]));

        // Newer models give DeleteSecurityGroup an output, older ones (CLI v2.9) none: check the effect instead.
        await aws.SucceedsAsync("ec2", "delete-security-group", "--group-id", groupId);
        var groupGone = await aws.RunAsync("ec2", "describe-security-groups", "--group-ids", groupId);
        Assert.Contains("(InvalidGroup.NotFound)", groupGone.Error, StringComparison.Ordinal);
        await aws.SucceedsAsync("ec2", "delete-subnet", "--subnet-id", subnetId);
        await aws.SucceedsAsync("ec2", "delete-vpc", "--vpc-id", vpcId);

        var gone = await aws.RunAsync("ec2", "describe-vpcs", "--vpc-ids", vpcId);
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("(InvalidVpcID.NotFound)", gone.Error, StringComparison.Ordinal);
        // The HTTP calls went through the same ports: the world counted them.
        Assert.Equal(1, session.World.Cloud.Calls.Count("ec2:DeleteVpc"));
        Assert.Equal(2, session.World.Cloud.Calls.Count("ec2:DescribeVpcs"));
    }

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task Instances_launch_idempotently_run_and_terminate_through_the_cli(AwsCliVersion version)
    {
        await using var session = await CliSession.StartAsync(version);
        var world = session.World;
        var subnetId = await world.OutpostSubnetAsync(await world.VpcAsync());
        var profile = await world.EcsInstanceProfileAsync();
        string[] launch =
        [
            "ec2", "run-instances", "--image-id", TestWorld.EcsAmi, "--instance-type", "c5.large", "--count", "1",
            "--subnet-id", subnetId, "--iam-instance-profile", $"Name={profile}", "--client-token", "launch-1",
            "--user-data", "#!/bin/bash\necho ECS_CLUSTER=outpost-cluster >> /etc/ecs/ecs.config",
            "--tag-specifications", "ResourceType=instance,Tags=[{Key=Name,Value=ecs-outpost}]",
        ];

        var first = (await session.Aws.JsonAsync(launch))["Instances"]![0]!;
        var again = (await session.Aws.JsonAsync(launch))["Instances"]![0]!;
        var instanceId = Text(first["InstanceId"]);
        Assert.Equal(instanceId, Text(again["InstanceId"]));
        Assert.Equal("pending", Text(first["State"]!["Name"]));
        Assert.Equal(world.Cloud.DefaultOutpostArn, Text(first["OutpostArn"]));
        Assert.Equal("launch-1", Text(first["ClientToken"]));
        Assert.EndsWith("instance-profile/" + profile, Text(first["IamInstanceProfile"]!["Arn"]), StringComparison.Ordinal);

        world.Advance(TimeSpan.FromSeconds(15));
        var described = await session.Aws.JsonAsync("ec2", "describe-instances", "--instance-ids", instanceId);
        var instance = described["Reservations"]![0]!["Instances"]![0]!;
        Assert.Equal("running", Text(instance["State"]!["Name"]));
        Assert.Equal(16, instance["State"]!["Code"]!.GetValue<int>());
        Assert.Equal("ecs-outpost", Text(instance["Tags"]![0]!["Value"]));
        Assert.Equal(world.Clock.GetUtcNow().AddSeconds(-15), Time(instance["LaunchTime"]));

        var terminated = (await session.Aws.JsonAsync("ec2", "terminate-instances", "--instance-ids", instanceId))["TerminatingInstances"]![0]!;
        Assert.Equal("running", Text(terminated["PreviousState"]!["Name"]));
        Assert.Equal("shutting-down", Text(terminated["CurrentState"]!["Name"]));
        Assert.Equal(1, world.Cloud.Calls.Count("ec2:TerminateInstances"));
        Assert.Equal(2, world.Cloud.Calls.Count("ec2:RunInstances"));
    }
}
