using System.Text;
using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using OutpostServerless.Aws.CloudWatch;
using Metric = OutpostServerless.Aws.CloudWatch.Metric;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Aws.Ssm;
using OutpostServerless.Aws.Tests.Testing;
using Xunit.Abstractions;
using EcsTag = OutpostServerless.Aws.Ecs.EcsTag;

namespace OutpostServerless.Aws.Tests.Interop;

/// <summary>
/// Our clients (and the SDK's EC2 client, configured by <see cref="AwsPortsFactory"/>) against
/// moto, for the operations the steps use. Each assertion is a fact the steps rely on and the
/// in-memory emulator also gives (status values, tags, revisions, error codes), so the ports
/// answer alike whichever side of the wire they reach. The port-only scenarios live in <see cref="PortScenarios"/>,
/// so they can be pointed at any implementation of the ports.
/// </summary>
public sealed class MotoInteropTests(MotoServerFixture moto, ITestOutputHelper output) : IClassFixture<MotoServerFixture>
{
    private const string Tag = PortScenarios.Tag;

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>False (after saying why) when moto is not there outside CI; under CI a missing moto fails the test.</summary>
    private bool MotoAvailable()
    {
        if (moto.UnavailableReason is null)
        {
            return true;
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail($"CI is set and moto is unavailable: {moto.UnavailableReason}");
        }

        output.WriteLine($"SKIPPED (not under CI): {moto.UnavailableReason}");
        return false;
    }

    private AwsClients Clients() => AwsPortsFactory.Create(new AwsClientOptions
    {
        Region = "us-west-2",
        EndpointUrl = moto.Endpoint,
        Credentials = new BasicAWSCredentials("test", "test"),
        Environment = new FakeEnvironment(),
    });

    [Fact]
    public async Task Ecs_clusters_are_created_described_with_tags_and_deleted()
    {
        if (!MotoAvailable())
        {
            return;
        }

        using var clients = Clients();
        await PortScenarios.EcsClusterAsync(clients.Ports, Unique("cluster"));
    }

    [Fact]
    public async Task Ecs_task_definitions_get_revisions_tags_and_deregistration()
    {
        if (!MotoAvailable())
        {
            return;
        }

        using var clients = Clients();
        await PortScenarios.TaskDefinitionsAsync(clients.Ports, Unique("family"));
    }

    [Fact]
    public async Task Iam_role_policies_and_instance_profile_are_built_and_torn_down()
    {
        if (!MotoAvailable())
        {
            return;
        }

        using var clients = Clients();
        await PortScenarios.InstanceRoleAsync(clients.Ports, Unique("ecsInstanceRole"));
    }

    [Fact]
    public async Task Cloudwatch_returns_the_published_outpost_metric()
    {
        if (!MotoAvailable())
        {
            return;
        }

        using var clients = Clients();
        using var seeding = new MotoSeeding(moto.Endpoint!);
        var outpostId = Unique("op");
        var at = DateTimeOffset.UtcNow.AddMinutes(-3);
        at = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero);
        await seeding.PutMetricDataAsync("AvailableInstanceType_Count", [("OutpostId", outpostId), ("InstanceType", "c5.large")], 3, at);

        var response = await clients.Ports.CloudWatch.GetMetricDataAsync(new GetMetricDataRequest
        {
            MetricDataQueries =
            [
                new MetricDataQuery { Id = "available", MetricStat = new MetricStat(new Metric("AWS/Outposts", "AvailableInstanceType_Count", [new Dimension("OutpostId", outpostId), new Dimension("InstanceType", "c5.large")]), 300, "Minimum") },
                new MetricDataQuery { Id = "connected", MetricStat = new MetricStat(new Metric("AWS/Outposts", "ConnectedStatus", [new Dimension("OutpostId", outpostId)]), 60, "Minimum") },
            ],
            StartTime = at.AddMinutes(-30),
            EndTime = at.AddMinutes(5),
        });

        var available = response.MetricDataResults.Single(r => r.Id == "available");
        Assert.Equal(("Complete", 3.0), (available.StatusCode, Assert.Single(available.Values)));
        Assert.Single(available.Timestamps);
        Assert.Empty(response.MetricDataResults.Single(r => r.Id == "connected").Values);
        output.WriteLine($"GetMetricData: {string.Join("; ", response.MetricDataResults.Select(r => $"{r.Id} {r.StatusCode} [{string.Join(',', r.Values)}] label={r.Label}"))}");
    }

    [Fact]
    public async Task Ec2_network_and_instances_then_ecs_container_instances_tasks_and_services()
    {
        if (!MotoAvailable())
        {
            return;
        }

        using var clients = Clients();
        using var seeding = new MotoSeeding(moto.Endpoint!);
        var ports = clients.Ports;
        var id = Unique("p");
        var tags = new List<Amazon.EC2.Model.Tag> { new(Tag, id) };

        var ami = await ports.Ssm.GetParameterAsync(new GetParameterRequest("/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"));
        Assert.StartsWith("ami-", ami.Parameter.Value, StringComparison.Ordinal);

        var vpc = await ports.Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16", TagSpecifications = [new() { ResourceType = ResourceType.Vpc, Tags = tags }] });
        var foundVpcs = await ports.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter($"tag:{Tag}", [id])] });
        Assert.Equal(vpc.Vpc.VpcId, Assert.Single(foundVpcs.Vpcs).VpcId);

        var subnet = await ports.Ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc.Vpc.VpcId, CidrBlock = "10.0.3.0/24", TagSpecifications = [new() { ResourceType = ResourceType.Subnet, Tags = tags }] });
        var group = await ports.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = id, Description = "ECS on Outposts", VpcId = vpc.Vpc.VpcId });
        await ports.Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group.GroupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 80, ToPort = 80, Ipv4Ranges = [new IpRange { CidrIp = "10.0.3.0/24" }] }],
        });
        var groups = await ports.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group.GroupId] });
        Assert.Contains(Assert.Single(groups.SecurityGroups).IpPermissions, p => p.FromPort == 80);

        var cluster = (await ports.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = id })).Cluster;
        var userData = Convert.ToBase64String(Encoding.UTF8.GetBytes($"#!/bin/bash\necho ECS_CLUSTER={id} >> /etc/ecs/ecs.config\n"));
        var launched = await ports.Ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = ami.Parameter.Value, InstanceType = InstanceType.C5Large, MinCount = 1, MaxCount = 1,
            SubnetId = subnet.Subnet.SubnetId, SecurityGroupIds = [group.GroupId], UserData = userData, ClientToken = id,
            TagSpecifications = [new() { ResourceType = ResourceType.Instance, Tags = tags }],
        });
        var instanceId = Assert.Single(launched.Reservation.Instances).InstanceId;
        var described = await ports.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter($"tag:{Tag}", [id])] });
        Assert.Equal(instanceId, Assert.Single(described.Reservations.SelectMany(r => r.Instances)).InstanceId);

        await seeding.RegisterContainerInstanceAsync(id, instanceId);
        var arns = await ports.Ecs.ListContainerInstancesAsync(new ListContainerInstancesRequest { Cluster = id, Status = "ACTIVE" });
        var containerInstance = Assert.Single((await ports.Ecs.DescribeContainerInstancesAsync(new DescribeContainerInstancesRequest { Cluster = id, ContainerInstances = arns.ContainerInstanceArns })).ContainerInstances);
        Assert.Equal((instanceId, "ACTIVE", true), (containerInstance.Ec2InstanceId, containerInstance.Status, containerInstance.AgentConnected));

        var family = (await ports.Ecs.RegisterTaskDefinitionAsync(new RegisterTaskDefinitionRequest { Family = id, ContainerDefinitions = PortScenarios.Containers(), RequiresCompatibilities = ["EC2"] })).TaskDefinition;
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
        Assert.Equal(instanceId, Assert.Single(terminated.TerminatingInstances).InstanceId);
        await ports.Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group.GroupId });
        await ports.Ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet.Subnet.SubnetId });
        await ports.Ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc.Vpc.VpcId });
        output.WriteLine($"moto: vpc {vpc.Vpc.VpcId}, subnet {subnet.Subnet.SubnetId}, sg {group.GroupId}, instance {instanceId}, task {task.TaskArn} ({task.LastStatus}), service {service.Service.ServiceArn}");
    }

    [Fact]
    public async Task A_non_retryable_error_from_moto_surfaces_with_code_message_and_request_id()
    {
        if (!MotoAvailable())
        {
            return;
        }

        using var clients = Clients();

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => clients.Ports.Iam.GetRoleAsync(new GetRoleRequest(Unique("absent"))));

        Assert.Equal((IamErrorCodes.NoSuchEntity, System.Net.HttpStatusCode.NotFound), (error.ErrorCode, error.StatusCode));
        Assert.False(string.IsNullOrEmpty(error.Message));
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }
}
