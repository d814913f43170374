using System.Text;
using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using OutpostServerless.Aws.CloudWatch;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Aws.Outposts;
using EcsTag = OutpostServerless.Aws.Ecs.EcsTag;
using Metric = OutpostServerless.Aws.CloudWatch.Metric;

namespace OutpostServerless.Aws.Tests.Interop;

/// <summary>
/// Call sequences the steps make, asserting the facts the steps rely on (statuses, tags, revisions,
/// error codes). They take only <see cref="AwsPorts"/> (and, where the world must act on its own, a
/// hook), so the same sequence runs against moto through our clients, against the emulator's wire
/// server, or against the in-memory ports.
/// </summary>
public static class PortScenarios
{
    public const string Tag = "outpost-serverless:provisioning-id";
    private const string TrustPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private const string EcsInstancePolicyArn = "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role";
    private const string EcsAmiParameter = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";

    /// <summary>Create with tags, describe with TAGS (a missing one as failure MISSING), delete to INACTIVE.</summary>
    public static async Task EcsClusterAsync(AwsPorts ports, string name)
    {
        var created = await ports.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = name, Tags = [new EcsTag(Tag, name)] });
        Assert.Equal((name, "ACTIVE", 0), (created.Cluster.ClusterName, created.Cluster.Status, created.Cluster.RegisteredContainerInstancesCount));

        var described = await ports.Ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = [name, name + "-absent"], Include = ["TAGS"] });
        var cluster = Assert.Single(described.Clusters);
        Assert.Equal(created.Cluster.ClusterArn, cluster.ClusterArn);
        Assert.Contains(new EcsTag(Tag, name), cluster.Tags);
        var failure = Assert.Single(described.Failures);
        Assert.Equal(("MISSING", true), (failure.Reason, failure.Arn?.EndsWith(name + "-absent", StringComparison.Ordinal)));

        var deleted = await ports.Ecs.DeleteClusterAsync(new DeleteClusterRequest(name));
        Assert.Equal("INACTIVE", deleted.Cluster.Status);
    }

    /// <summary>Revisions count up per family, the latest is described with its tags, a revision deregisters to INACTIVE, an unknown family is ClientException.</summary>
    public static async Task TaskDefinitionsAsync(AwsPorts ports, string family)
    {
        var first = await ports.Ecs.RegisterTaskDefinitionAsync(new RegisterTaskDefinitionRequest { Family = family, ContainerDefinitions = Containers(), Tags = [new EcsTag(Tag, family)] });
        var second = await ports.Ecs.RegisterTaskDefinitionAsync(new RegisterTaskDefinitionRequest { Family = family, ContainerDefinitions = Containers(), Tags = [new EcsTag(Tag, family)] });
        Assert.Equal((1, 2, "ACTIVE"), (first.TaskDefinition.Revision, second.TaskDefinition.Revision, second.TaskDefinition.Status));

        var latest = await ports.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = family, Include = ["TAGS"] });
        Assert.Equal((second.TaskDefinition.TaskDefinitionArn, "web"), (latest.TaskDefinition.TaskDefinitionArn, latest.TaskDefinition.ContainerDefinitions[0]!["name"]!.GetValue<string>()));
        Assert.Contains(new EcsTag(Tag, family), latest.Tags);

        var deregistered = await ports.Ecs.DeregisterTaskDefinitionAsync(new DeregisterTaskDefinitionRequest($"{family}:1"));
        Assert.Equal("INACTIVE", deregistered.TaskDefinition.Status);

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => ports.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = family + "-absent" }));
        Assert.Equal(EcsErrorCodes.ClientException, error.ErrorCode);
    }

    /// <summary>The instance role step and its rollback, with the codes the steps match on.</summary>
    public static async Task InstanceRoleAsync(AwsPorts ports, string roleName)
    {
        var profileName = roleName.Replace("Role", "Profile", StringComparison.Ordinal);
        var created = await ports.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = roleName, AssumeRolePolicyDocument = TrustPolicy, Tags = [new IamTag(Tag, roleName)] });
        Assert.Equal((roleName, $":role/{roleName}"), (created.Role.RoleName, created.Role.Arn[created.Role.Arn.IndexOf(":role/", StringComparison.Ordinal)..]));

        var again = await Assert.ThrowsAsync<AwsServiceError>(() => ports.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = roleName, AssumeRolePolicyDocument = TrustPolicy }));
        Assert.Equal(IamErrorCodes.EntityAlreadyExists, again.ErrorCode);

        var fetched = await ports.Iam.GetRoleAsync(new GetRoleRequest(roleName));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(TrustPolicy), JsonNode.Parse(fetched.Role.AssumeRolePolicyDocument!)), fetched.Role.AssumeRolePolicyDocument);
        Assert.Contains(new IamTag(Tag, roleName), fetched.Role.Tags);

        const string inline = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"outposts:GetOutpost","Resource":"*"}]}""";
        await ports.Iam.PutRolePolicyAsync(new PutRolePolicyRequest(roleName, "outpost-access", inline));
        var policy = await ports.Iam.GetRolePolicyAsync(new GetRolePolicyRequest(roleName, "outpost-access"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(inline), JsonNode.Parse(policy.PolicyDocument)), policy.PolicyDocument);
        Assert.Equal(["outpost-access"], (await ports.Iam.ListRolePoliciesAsync(new ListRolePoliciesRequest(roleName))).PolicyNames);

        await ports.Iam.AttachRolePolicyAsync(new AttachRolePolicyRequest(roleName, EcsInstancePolicyArn));
        var attached = await ports.Iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest(roleName));
        Assert.Equal([new AttachedPolicy("AmazonEC2ContainerServiceforEC2Role", EcsInstancePolicyArn)], attached.AttachedPolicies);

        await ports.Iam.CreateInstanceProfileAsync(new CreateInstanceProfileRequest { InstanceProfileName = profileName });
        await ports.Iam.AddRoleToInstanceProfileAsync(new AddRoleToInstanceProfileRequest(profileName, roleName));
        var profile = await ports.Iam.GetInstanceProfileAsync(new GetInstanceProfileRequest(profileName));
        Assert.Equal(roleName, Assert.Single(profile.InstanceProfile.Roles).RoleName);

        await ports.Iam.RemoveRoleFromInstanceProfileAsync(new RemoveRoleFromInstanceProfileRequest(profileName, roleName));
        await ports.Iam.DeleteInstanceProfileAsync(new DeleteInstanceProfileRequest(profileName));
        await ports.Iam.DetachRolePolicyAsync(new DetachRolePolicyRequest(roleName, EcsInstancePolicyArn));
        await ports.Iam.DeleteRolePolicyAsync(new DeleteRolePolicyRequest(roleName, "outpost-access"));
        await ports.Iam.DeleteRoleAsync(new DeleteRoleRequest(roleName));

        var gone = await Assert.ThrowsAsync<AwsServiceError>(() => ports.Iam.GetRoleAsync(new GetRoleRequest(roleName)));
        Assert.Equal(IamErrorCodes.NoSuchEntity, gone.ErrorCode);
        var profileGone = await Assert.ThrowsAsync<AwsServiceError>(() => ports.Iam.GetInstanceProfileAsync(new GetInstanceProfileRequest(profileName)));
        Assert.Equal(IamErrorCodes.NoSuchEntity, profileGone.ErrorCode);
    }

    /// <summary>
    /// The latest datapoint of the Outpost's capacity metric (Minimum over 5 minutes) and of its
    /// ConnectedStatus, in one GetMetricData call as the capacity check asks for them.
    /// <paramref name="expectedConnected"/> null: no ConnectedStatus datapoint was published.
    /// </summary>
    public static async Task<GetMetricDataResponse> OutpostMetricsAsync(AwsPorts ports, string outpostId, string instanceType, DateTimeOffset publishedAt, double expectedAvailable, double? expectedConnected)
    {
        var response = await ports.CloudWatch.GetMetricDataAsync(new GetMetricDataRequest
        {
            MetricDataQueries =
            [
                new MetricDataQuery { Id = "available", MetricStat = new MetricStat(new Metric("AWS/Outposts", "AvailableInstanceType_Count", [new Dimension("OutpostId", outpostId), new Dimension("InstanceType", instanceType)]), 300, "Minimum") },
                new MetricDataQuery { Id = "connected", MetricStat = new MetricStat(new Metric("AWS/Outposts", "ConnectedStatus", [new Dimension("OutpostId", outpostId)]), 60, "Minimum") },
            ],
            StartTime = publishedAt.AddMinutes(-30),
            EndTime = publishedAt.AddMinutes(5),
        });

        // How many datapoints the window holds depends on what was published; the latest is what the check reads.
        var available = response.MetricDataResults.Single(r => r.Id == "available");
        Assert.Equal(("Complete", expectedAvailable), (available.StatusCode, Latest(available)));
        var connected = response.MetricDataResults.Single(r => r.Id == "connected");
        Assert.Equal(expectedConnected, connected.Values.Count == 0 ? null : Latest(connected));
        return response;
    }

    /// <summary>
    /// The network, the container instance and the workload, then their rollback: AMI from SSM, VPC,
    /// subnet, security group with ingress, cluster, RunInstances with ecs.config user data, the instance
    /// joining the cluster (<paramref name="agentRegisters"/>: what the ECS agent does, given the cluster and
    /// the instance id), a task run and stopped, a service created, scaled to 0 and deleted, and the teardown,
    /// polling until the instance is terminated (<paramref name="timePasses"/> between polls).
    /// </summary>
    /// <returns>A line naming what was made, for the test log.</returns>
    public static async Task<string> NetworkInstancesTasksAndServicesAsync(AwsPorts ports, string id, Func<string, string, Task> agentRegisters, Func<Task> timePasses)
    {
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(agentRegisters);
        ArgumentNullException.ThrowIfNull(timePasses);
        var tags = new List<Amazon.EC2.Model.Tag> { new(Tag, id) };

        var ami = await ports.Ssm.GetParameterAsync(new Amazon.SimpleSystemsManagement.Model.GetParameterRequest { Name = EcsAmiParameter });
        Assert.StartsWith("ami-", ami.Parameter.Value, StringComparison.Ordinal);

        var vpc = await ports.Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16", TagSpecifications = [new() { ResourceType = ResourceType.Vpc, Tags = tags }] });
        var foundVpcs = await ports.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter($"tag:{Tag}", [id])] });
        Assert.Equal(vpc.Vpc.VpcId, Assert.Single(foundVpcs.Vpcs).VpcId);

        var subnet = await ports.Ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc.Vpc.VpcId, CidrBlock = "10.0.3.0/24", TagSpecifications = [new() { ResourceType = ResourceType.Subnet, Tags = tags }] });
        var foundSubnets = await ports.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("vpc-id", [vpc.Vpc.VpcId]), new Filter($"tag:{Tag}", [id])] });
        Assert.Equal((subnet.Subnet.SubnetId, "10.0.3.0/24"), (Assert.Single(foundSubnets.Subnets).SubnetId, foundSubnets.Subnets[0].CidrBlock));
        // A way out for the ECS agent: an internet gateway, the main route table's default route to it, public IPs on launch.
        var gateway = (await ports.Ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest { TagSpecifications = [new() { ResourceType = ResourceType.InternetGateway, Tags = tags }] })).InternetGateway;
        await ports.Ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = gateway.InternetGatewayId, VpcId = vpc.Vpc.VpcId });
        var mainTable = Assert.Single((await ports.Ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("vpc-id", [vpc.Vpc.VpcId]), new Filter("association.main", ["true"])],
        })).RouteTables);
        await ports.Ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = mainTable.RouteTableId, DestinationCidrBlock = "0.0.0.0/0", GatewayId = gateway.InternetGatewayId });
        await ports.Ec2.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = subnet.Subnet.SubnetId, MapPublicIpOnLaunch = true });
        var group = await ports.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = id, Description = "ECS on Outposts", VpcId = vpc.Vpc.VpcId });
        await ports.Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group.GroupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 80, ToPort = 80, Ipv4Ranges = [new IpRange { CidrIp = "10.0.3.0/24" }] }],
        });
        var groups = await ports.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group.GroupId] });
        Assert.Contains(Assert.Single(groups.SecurityGroups).IpPermissions, p => p.FromPort == 80);

        // The container instance role: the ECS agent registers with the instance profile's credentials.
        await ports.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = id, AssumeRolePolicyDocument = TrustPolicy, Tags = [new IamTag(Tag, id)] });
        await ports.Iam.AttachRolePolicyAsync(new AttachRolePolicyRequest(id, EcsInstancePolicyArn));
        var profile = (await ports.Iam.CreateInstanceProfileAsync(new CreateInstanceProfileRequest { InstanceProfileName = id })).InstanceProfile;
        await ports.Iam.AddRoleToInstanceProfileAsync(new AddRoleToInstanceProfileRequest(id, id));

        var cluster = (await ports.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = id })).Cluster;
        var userData = Convert.ToBase64String(Encoding.UTF8.GetBytes($"#!/bin/bash\necho ECS_CLUSTER={id} >> /etc/ecs/ecs.config\n"));
        var launch = new RunInstancesRequest
        {
            ImageId = ami.Parameter.Value, InstanceType = InstanceType.C5Large, MinCount = 1, MaxCount = 1,
            SubnetId = subnet.Subnet.SubnetId, SecurityGroupIds = [group.GroupId], UserData = userData, ClientToken = id,
            IamInstanceProfile = new IamInstanceProfileSpecification { Arn = profile.Arn },
            TagSpecifications = [new() { ResourceType = ResourceType.Instance, Tags = tags }],
        };
        // A new instance profile is refused until IAM has propagated it: retried as the workflow does.
        RunInstancesResponse? launched = null;
        for (var attempt = 0; launched is null; attempt++)
        {
            try
            {
                launched = await ports.Ec2.RunInstancesAsync(launch);
            }
            catch (Amazon.EC2.AmazonEC2Exception e) when (e.ErrorCode == "InvalidParameterValue" && e.Message.Contains("iamInstanceProfile", StringComparison.Ordinal) && attempt < 10)
            {
                await timePasses();
            }
        }

        var instanceId = Assert.Single(launched.Reservation.Instances).InstanceId;
        var described = await ports.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter($"tag:{Tag}", [id])] });
        Assert.Equal(instanceId, Assert.Single(described.Reservations.SelectMany(r => r.Instances)).InstanceId);

        await agentRegisters(id, instanceId);
        var arns = await ports.Ecs.ListContainerInstancesAsync(new ListContainerInstancesRequest { Cluster = id, Status = "ACTIVE" });
        var containerInstance = Assert.Single((await ports.Ecs.DescribeContainerInstancesAsync(new DescribeContainerInstancesRequest { Cluster = id, ContainerInstances = arns.ContainerInstanceArns })).ContainerInstances);
        Assert.Equal((instanceId, "ACTIVE", true), (containerInstance.Ec2InstanceId, containerInstance.Status, containerInstance.AgentConnected));

        var family = (await ports.Ecs.RegisterTaskDefinitionAsync(new RegisterTaskDefinitionRequest { Family = id, ContainerDefinitions = Containers(), RequiresCompatibilities = ["EC2"] })).TaskDefinition;
        var run = await ports.Ecs.RunTaskAsync(new RunTaskRequest { Cluster = id, TaskDefinition = family.TaskDefinitionArn, Count = 1, LaunchType = "EC2", StartedBy = id, ClientToken = id });
        var task = Assert.Single(run.Tasks);
        Assert.Equal((cluster.ClusterArn, family.TaskDefinitionArn, "RUNNING", "EC2", id), (task.ClusterArn, task.TaskDefinitionArn, task.DesiredStatus, task.LaunchType, task.StartedBy));
        var listed = await ports.Ecs.ListTasksAsync(new ListTasksRequest { Cluster = id, StartedBy = id });
        Assert.Equal([task.TaskArn], listed.TaskArns);
        Assert.Equal(task.TaskArn, Assert.Single((await ports.Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = id, Tasks = [task.TaskArn] })).Tasks).TaskArn);
        var stopped = await ports.Ecs.StopTaskAsync(new StopTaskRequest { Cluster = id, Task = task.TaskArn, Reason = "rollback" });
        Assert.Equal("STOPPED", stopped.Task.DesiredStatus);

        var service = await ports.Ecs.CreateServiceAsync(new CreateServiceRequest { Cluster = id, ServiceName = "web", TaskDefinition = family.TaskDefinitionArn, DesiredCount = 1, LaunchType = "EC2", Tags = [new EcsTag(Tag, id)] });
        Assert.Equal(("web", "ACTIVE", 1, "EC2"), (service.Service.ServiceName, service.Service.Status, service.Service.DesiredCount, service.Service.LaunchType));
        var services = await ports.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = id, Services = ["web", "absent"], Include = ["TAGS"] });
        Assert.Equal(service.Service.ServiceArn, Assert.Single(services.Services).ServiceArn);
        Assert.Equal("MISSING", Assert.Single(services.Failures).Reason);
        Assert.Equal(0, (await ports.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = id, Service = "web", DesiredCount = 0 })).Service.DesiredCount);
        await ports.Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = id, Service = "web", Force = true });

        var deregistered = await ports.Ecs.DeregisterContainerInstanceAsync(new DeregisterContainerInstanceRequest { Cluster = id, ContainerInstance = containerInstance.ContainerInstanceArn, Force = true });
        Assert.Equal(instanceId, deregistered.ContainerInstance.Ec2InstanceId);
        var terminated = await ports.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instanceId] });
        Assert.Equal((instanceId, InstanceStateName.ShuttingDown), (Assert.Single(terminated.TerminatingInstances).InstanceId, terminated.TerminatingInstances[0].CurrentState.Name));
        // The group is in use until the instance is terminated (DependencyViolation before), as rollback finds.
        for (var poll = 0; await InstanceStateAsync(ports, instanceId) != InstanceStateName.Terminated; poll++)
        {
            Assert.True(poll < 20, $"{instanceId} is not terminated after {poll} polls");
            await timePasses();
        }

        // A terminated instance's network interface outlives it briefly and still holds the group (DependencyViolation).
        for (var poll = 0; ; poll++)
        {
            try
            {
                await ports.Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group.GroupId });
                break;
            }
            catch (Amazon.EC2.AmazonEC2Exception e) when (e.ErrorCode == "DependencyViolation" && poll < 20)
            {
                await timePasses();
            }
        }

        await ports.Ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet.Subnet.SubnetId });
        await ports.Ec2.DetachInternetGatewayAsync(new DetachInternetGatewayRequest { InternetGatewayId = gateway.InternetGatewayId, VpcId = vpc.Vpc.VpcId });
        await ports.Ec2.DeleteInternetGatewayAsync(new DeleteInternetGatewayRequest { InternetGatewayId = gateway.InternetGatewayId });
        await ports.Ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc.Vpc.VpcId });
        await ports.Iam.RemoveRoleFromInstanceProfileAsync(new RemoveRoleFromInstanceProfileRequest(id, id));
        await ports.Iam.DeleteInstanceProfileAsync(new DeleteInstanceProfileRequest(id));
        await ports.Iam.DetachRolePolicyAsync(new DetachRolePolicyRequest(id, EcsInstancePolicyArn));
        await ports.Iam.DeleteRoleAsync(new DeleteRoleRequest(id));
        return $"vpc {vpc.Vpc.VpcId}, subnet {subnet.Subnet.SubnetId}, sg {group.GroupId}, instance {instanceId}, task {task.TaskArn} ({task.LastStatus}), service {service.Service.ServiceArn}";
    }

    /// <summary>What the capacity check reads from AWS Outposts: the Outpost, its instance types, its hosts' slots; an unknown Outpost is NotFoundException.</summary>
    public static async Task OutpostAsync(AwsPorts ports, string outpostArn, string instanceType)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var outpostId = outpostArn[(outpostArn.LastIndexOf('/') + 1)..];
        var outpost = (await ports.Outposts.GetOutpostAsync(new GetOutpostRequest(outpostArn))).Outpost;
        Assert.Equal((outpostId, outpostArn, "ACTIVE"), (outpost.OutpostId, outpost.OutpostArn, outpost.LifeCycleStatus));

        var types = await ports.Outposts.GetOutpostInstanceTypesAsync(new GetOutpostInstanceTypesRequest { OutpostId = outpostId });
        Assert.Contains(types.InstanceTypes, t => t.InstanceType == instanceType);

        var assets = await ports.Outposts.ListAssetsAsync(new ListAssetsRequest { OutpostIdentifier = outpostId });
        Assert.NotEmpty(assets.Assets);
        Assert.All(assets.Assets, a => Assert.Equal("COMPUTE", a.AssetType));
        Assert.Contains(assets.Assets.SelectMany(a => a.ComputeAttributes?.InstanceTypeCapacities ?? []), c => c.InstanceType == instanceType && c.Count > 0);

        var missing = await Assert.ThrowsAsync<AwsServiceError>(() => ports.Outposts.GetOutpostAsync(new GetOutpostRequest("op-00000000000000000")));
        Assert.Equal("NotFoundException", missing.ErrorCode);
    }

    private static async Task<InstanceStateName> InstanceStateAsync(AwsPorts ports, string instanceId)
    {
        var described = await ports.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] });
        return Assert.Single(described.Reservations.SelectMany(r => r.Instances)).State.Name;
    }

    private static double Latest(OutpostServerless.Aws.CloudWatch.MetricDataResult result)
    {
        Assert.Equal(result.Timestamps.Count, result.Values.Count);
        Assert.NotEmpty(result.Values);
        return result.Values[result.Timestamps.ToList().IndexOf(result.Timestamps.Max())];
    }

    public static JsonArray Containers() => JsonNode.Parse("""[{"name":"web","image":"public.ecr.aws/nginx/nginx:latest","memory":256,"essential":true,"portMappings":[{"containerPort":80,"hostPort":80}]}]""")!.AsArray();
}
