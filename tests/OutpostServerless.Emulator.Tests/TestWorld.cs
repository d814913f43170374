using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Time.Testing;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;

namespace OutpostServerless.Emulator.Tests;

/// <summary>One emulated world on a virtual clock, with one-line shortcuts for what most tests build on.</summary>
internal sealed class TestWorld
{
    /// <summary>Two minutes past a 5-minute publish boundary, so metric lag is visible.</summary>
    public static readonly DateTimeOffset Start = new(2025, 1, 6, 12, 2, 0, TimeSpan.Zero);

    public const string EcsAmi = "ami-0c7a1ecb0e5d10001";
    public const string EcsArmAmi = "ami-0c7a1ecb0e5d20002";
    public const string OutpostAzId = "usw2-az1";

    public const string Ec2TrustPolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    public const string EcsInstancePolicyArn = "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role";

    public TestWorld(EmulatorOptions? options = null)
    {
        Clock = new FakeTimeProvider(Start);
        Cloud = new EmulatedCloud(Clock, options);
    }

    public FakeTimeProvider Clock { get; }
    public EmulatedCloud Cloud { get; }
    public AwsPorts Aws => Cloud.Ports;

    public void Advance(TimeSpan by) => Clock.Advance(by);

    public async Task<string> VpcAsync(string cidr = "10.0.0.0/16", Dictionary<string, string>? tags = null)
    {
        var response = await Aws.Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = cidr, TagSpecifications = Tags(ResourceType.Vpc, tags) });
        return response.Vpc.VpcId;
    }

    /// <summary>
    /// An Outpost subnet. With <paramref name="egress"/> (the default) its instances can reach ECS and the
    /// internet: the VPC's main route table gets 0.0.0.0/0 to an internet gateway and the subnet maps public
    /// IPs, set up outside the call log as a network team would have; without it the VPC has only the local route.
    /// </summary>
    public async Task<string> OutpostSubnetAsync(string vpcId, string cidr = "10.0.3.0/24", Dictionary<string, string>? tags = null, bool egress = true)
    {
        var response = await Aws.Ec2.CreateSubnetAsync(new CreateSubnetRequest
        {
            VpcId = vpcId,
            CidrBlock = cidr,
            OutpostArn = Cloud.DefaultOutpostArn,
            AvailabilityZoneId = OutpostAzId,
            TagSpecifications = Tags(ResourceType.Subnet, tags),
        });
        var subnetId = response.Subnet.SubnetId;
        if (egress)
        {
            Cloud.Network.InternetGatewayRoute(vpcId);
            Cloud.Network.MapPublicIpOnLaunch(subnetId);
        }

        return subnetId;
    }

    public async Task<string> RegionalSubnetAsync(string vpcId, string cidr = "10.0.9.0/24")
    {
        var response = await Aws.Ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpcId, CidrBlock = cidr, AvailabilityZone = "us-west-2b" });
        return response.Subnet.SubnetId;
    }

    public async Task<string> SecurityGroupAsync(string vpcId, string name = "outpost-sg")
    {
        var response = await Aws.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpcId, GroupName = name, Description = "container instances" });
        return response.GroupId;
    }

    /// <summary>A role EC2 may assume with the ECS instance policy, in an instance profile of the same name, propagated to EC2.</summary>
    public async Task<string> EcsInstanceProfileAsync(string name = "ecsOutpost")
    {
        await Aws.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = name, AssumeRolePolicyDocument = Ec2TrustPolicy });
        await Aws.Iam.AttachRolePolicyAsync(new AttachRolePolicyRequest(name, EcsInstancePolicyArn));
        await Aws.Iam.CreateInstanceProfileAsync(new CreateInstanceProfileRequest { InstanceProfileName = name });
        await Aws.Iam.AddRoleToInstanceProfileAsync(new AddRoleToInstanceProfileRequest(name, name));
        // As a careful caller would: let IAM propagate the new profile before anything launches with it.
        Advance(Cloud.Options.Timings.InstanceProfilePropagation);
        return name;
    }

    public async Task<RunInstancesResponse> LaunchAsync(
        string subnetId, int count = 1, string? userData = null, string? profile = null, string instanceType = "c5.large",
        string? clientToken = null, Dictionary<string, string>? tags = null, int? minCount = null) =>
        await Aws.Ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = EcsAmi,
            InstanceType = InstanceType.FindValue(instanceType),
            MinCount = minCount ?? count,
            MaxCount = count,
            SubnetId = subnetId,
            UserData = userData,
            IamInstanceProfile = profile is null ? null : new IamInstanceProfileSpecification { Name = profile },
            ClientToken = clientToken,
            TagSpecifications = Tags(ResourceType.Instance, tags),
        });

    /// <summary>The runbook's user data (with straight quotes): writes ecs.config for <paramref name="cluster"/>.</summary>
    public static string UserData(string cluster, string? tagsJson = """{"environment": "Outpost"}""", string pullBehavior = "prefer-cached") =>
        Base64($"""
            #!/bin/bash
            cat << 'EOF' >> /etc/ecs/ecs.config
            ECS_CLUSTER={cluster}
            ECS_IMAGE_PULL_BEHAVIOR={pullBehavior}
            {(tagsJson is null ? string.Empty : "ECS_CONTAINER_INSTANCE_TAGS=" + tagsJson)}
            EOF
            """);

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>A cluster with <paramref name="instances"/> registered container instances on the Outpost.</summary>
    public async Task<(string Cluster, IReadOnlyList<string> InstanceIds, string SubnetId)> RegisteredClusterAsync(string cluster = "outpost-cluster", int instances = 1, string instanceType = "c5.large")
    {
        var vpc = await VpcAsync();
        var subnet = await OutpostSubnetAsync(vpc);
        var profile = await EcsInstanceProfileAsync();
        await Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster });
        var launch = await LaunchAsync(subnet, instances, UserData(cluster), profile, instanceType);
        Advance(TimeSpan.FromSeconds(30));
        return (cluster, launch.Reservation.Instances.ConvertAll(i => i.InstanceId), subnet);
    }

    public async Task<string> TaskDefinitionAsync(string family = "outpost-app", int memory = 512, int? hostPort = null, string? networkMode = null)
    {
        var container = new System.Text.Json.Nodes.JsonObject { ["name"] = "app", ["image"] = "nginx:latest", ["memory"] = memory };
        if (hostPort is not null)
        {
            container["portMappings"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["containerPort"] = 80, ["hostPort"] = hostPort });
        }

        var response = await Aws.Ecs.RegisterTaskDefinitionAsync(new RegisterTaskDefinitionRequest
        {
            Family = family,
            ContainerDefinitions = [container],
            NetworkMode = networkMode,
        });
        return response.TaskDefinition.TaskDefinitionArn;
    }

    private static List<TagSpecification>? Tags(ResourceType type, Dictionary<string, string>? tags) =>
        tags is null ? null : [new TagSpecification { ResourceType = type, Tags = [.. tags.Select(t => new Tag(t.Key, t.Value))] }];
}
