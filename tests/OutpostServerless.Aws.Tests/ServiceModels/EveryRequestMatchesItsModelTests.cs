using System.Text.Json.Nodes;
using OutpostServerless.Aws.Client.Http;
using OutpostServerless.Aws.CloudWatch;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Aws.Outposts;
using OutpostServerless.Aws.StepFunctions;
using OutpostServerless.Aws.Tests.Testing;

namespace OutpostServerless.Aws.Tests.ServiceModels;

/// <summary>
/// Every operation of every port our protocol clients implement, called with every member the
/// port offers set (and again with only the required ones), produces a request the botocore model
/// of that operation accepts.
/// </summary>
public sealed class EveryRequestMatchesItsModelTests
{
    private static readonly DateTimeOffset Now = FakeClock.DefaultStart;
    private static readonly JsonArray Containers = JsonNode.Parse("""[{"name":"web","image":"nginx","memory":256,"essential":true}]""")!.AsArray();

    private static readonly Dictionary<string, Func<ClientHarness, Task>[]> Calls = new()
    {
        ["IEcs.CreateClusterAsync"] = [h => h.Ecs.CreateClusterAsync(new() { ClusterName = "c", Tags = [new("k", "v")] }), h => h.Ecs.CreateClusterAsync(new())],
        ["IEcs.DescribeClustersAsync"] = [h => h.Ecs.DescribeClustersAsync(new() { Clusters = ["c"], Include = ["TAGS"] }), h => h.Ecs.DescribeClustersAsync(new())],
        ["IEcs.DeleteClusterAsync"] = [h => h.Ecs.DeleteClusterAsync(new("c"))],
        ["IEcs.ListContainerInstancesAsync"] = [h => h.Ecs.ListContainerInstancesAsync(new() { Cluster = "c", Status = "ACTIVE", NextToken = "t" }), h => h.Ecs.ListContainerInstancesAsync(new() { Cluster = "c" })],
        ["IEcs.DescribeContainerInstancesAsync"] = [h => h.Ecs.DescribeContainerInstancesAsync(new() { Cluster = "c", ContainerInstances = ["i"], Include = ["TAGS"] })],
        ["IEcs.DeregisterContainerInstanceAsync"] = [h => h.Ecs.DeregisterContainerInstanceAsync(new() { Cluster = "c", ContainerInstance = "i", Force = true })],
        ["IEcs.RegisterTaskDefinitionAsync"] =
        [
            h => h.Ecs.RegisterTaskDefinitionAsync(new()
            {
                Family = "f", ContainerDefinitions = Containers, Cpu = "256", Memory = "512", NetworkMode = "bridge",
                TaskRoleArn = "arn:aws:iam::123456789012:role/t", ExecutionRoleArn = "arn:aws:iam::123456789012:role/e",
                RequiresCompatibilities = ["EC2"], Tags = [new("k", "v")],
            }),
            h => h.Ecs.RegisterTaskDefinitionAsync(new() { Family = "f", ContainerDefinitions = Containers }),
        ],
        ["IEcs.DescribeTaskDefinitionAsync"] = [h => h.Ecs.DescribeTaskDefinitionAsync(new() { TaskDefinition = "f:1", Include = ["TAGS"] })],
        ["IEcs.DeregisterTaskDefinitionAsync"] = [h => h.Ecs.DeregisterTaskDefinitionAsync(new("f:1"))],
        ["IEcs.RunTaskAsync"] =
        [
            h => h.Ecs.RunTaskAsync(new() { Cluster = "c", TaskDefinition = "f:1", Count = 2, LaunchType = "EC2", StartedBy = "p", ClientToken = "t", Tags = [new("k", "v")] }),
            h => h.Ecs.RunTaskAsync(new() { TaskDefinition = "f:1" }),
        ],
        ["IEcs.ListTasksAsync"] = [h => h.Ecs.ListTasksAsync(new() { Cluster = "c", StartedBy = "p", ServiceName = "s", DesiredStatus = "RUNNING", NextToken = "t" }), h => h.Ecs.ListTasksAsync(new())],
        ["IEcs.DescribeTasksAsync"] = [h => h.Ecs.DescribeTasksAsync(new() { Cluster = "c", Tasks = ["t"], Include = ["TAGS"] })],
        ["IEcs.StopTaskAsync"] = [h => h.Ecs.StopTaskAsync(new() { Cluster = "c", Task = "t", Reason = "r" })],
        ["IEcs.CreateServiceAsync"] =
        [
            h => h.Ecs.CreateServiceAsync(new() { Cluster = "c", ServiceName = "s", TaskDefinition = "f:1", DesiredCount = 1, LaunchType = "EC2", ClientToken = "t", Tags = [new("k", "v")] }),
            h => h.Ecs.CreateServiceAsync(new() { ServiceName = "s" }),
        ],
        ["IEcs.DescribeServicesAsync"] = [h => h.Ecs.DescribeServicesAsync(new() { Cluster = "c", Services = ["s"], Include = ["TAGS"] })],
        ["IEcs.UpdateServiceAsync"] = [h => h.Ecs.UpdateServiceAsync(new() { Cluster = "c", Service = "s", DesiredCount = 0, TaskDefinition = "web:2" })],
        ["IEcs.UpdateContainerInstancesStateAsync"] = [h => h.Ecs.UpdateContainerInstancesStateAsync(new() { Cluster = "c", ContainerInstances = ["ci"], Status = "DRAINING" })],
        ["IEcs.DeleteServiceAsync"] = [h => h.Ecs.DeleteServiceAsync(new() { Cluster = "c", Service = "s", Force = true })],

        ["IIam.CreateRoleAsync"] =
        [
            h => h.Iam.CreateRoleAsync(new() { RoleName = "r", AssumeRolePolicyDocument = "{}", Path = "/ecs/", Description = "d", Tags = [new("k", "v")] }),
            h => h.Iam.CreateRoleAsync(new() { RoleName = "r", AssumeRolePolicyDocument = "{}" }),
        ],
        ["IIam.GetRoleAsync"] = [h => h.Iam.GetRoleAsync(new("r"))],
        ["IIam.DeleteRoleAsync"] = [h => h.Iam.DeleteRoleAsync(new("r"))],
        ["IIam.CreateServiceLinkedRoleAsync"] =
        [
            h => h.Iam.CreateServiceLinkedRoleAsync(new() { AwsServiceName = "ecs.amazonaws.com", Description = "d", CustomSuffix = "s" }),
            h => h.Iam.CreateServiceLinkedRoleAsync(new() { AwsServiceName = "ecs.amazonaws.com" }),
        ],
        ["IIam.PutRolePolicyAsync"] = [h => h.Iam.PutRolePolicyAsync(new("r", "p", "{}"))],
        ["IIam.GetRolePolicyAsync"] = [h => h.Iam.GetRolePolicyAsync(new("r", "p"))],
        ["IIam.ListRolePoliciesAsync"] = [h => h.Iam.ListRolePoliciesAsync(new("r"))],
        ["IIam.DeleteRolePolicyAsync"] = [h => h.Iam.DeleteRolePolicyAsync(new("r", "p"))],
        ["IIam.AttachRolePolicyAsync"] = [h => h.Iam.AttachRolePolicyAsync(new("r", "arn:aws:iam::aws:policy/p"))],
        ["IIam.ListAttachedRolePoliciesAsync"] = [h => h.Iam.ListAttachedRolePoliciesAsync(new("r"))],
        ["IIam.DetachRolePolicyAsync"] = [h => h.Iam.DetachRolePolicyAsync(new("r", "arn:aws:iam::aws:policy/p"))],
        ["IIam.CreateInstanceProfileAsync"] = [h => h.Iam.CreateInstanceProfileAsync(new() { InstanceProfileName = "ip", Path = "/ecs/", Tags = [new("k", "v")] })],
        ["IIam.GetInstanceProfileAsync"] = [h => h.Iam.GetInstanceProfileAsync(new("ip"))],
        ["IIam.AddRoleToInstanceProfileAsync"] = [h => h.Iam.AddRoleToInstanceProfileAsync(new("ip", "r"))],
        ["IIam.RemoveRoleFromInstanceProfileAsync"] = [h => h.Iam.RemoveRoleFromInstanceProfileAsync(new("ip", "r"))],
        ["IIam.DeleteInstanceProfileAsync"] = [h => h.Iam.DeleteInstanceProfileAsync(new("ip"))],

        ["IOutposts.GetOutpostAsync"] = [h => h.Outposts.GetOutpostAsync(new("arn:aws:outposts:us-west-2:123456789012:outpost/op-0123456789abcdef0"))],
        ["IOutposts.ListOutpostsAsync"] =
        [
            h => h.Outposts.ListOutpostsAsync(new() { NextToken = "t", MaxResults = 10, LifeCycleStatusFilter = ["ACTIVE"], AvailabilityZoneFilter = ["us-west-2a"], AvailabilityZoneIdFilter = ["usw2-az1"] }),
            h => h.Outposts.ListOutpostsAsync(new()),
        ],
        ["IOutposts.GetOutpostInstanceTypesAsync"] = [h => h.Outposts.GetOutpostInstanceTypesAsync(new() { OutpostId = "op-0123456789abcdef0", NextToken = "t", MaxResults = 10 })],
        ["IOutposts.ListAssetsAsync"] = [h => h.Outposts.ListAssetsAsync(new() { OutpostIdentifier = "op-0123456789abcdef0", StatusFilter = ["ACTIVE", "ISOLATED"], NextToken = "t", MaxResults = 10 })],

        ["ICloudWatch.GetMetricDataAsync"] =
        [
            h => h.CloudWatch.GetMetricDataAsync(new()
            {
                MetricDataQueries = [new() { Id = "m1", MetricStat = new(new("AWS/Outposts", "ConnectedStatus", [new("OutpostId", "op-1")]), 60, "Minimum"), ReturnData = false }],
                StartTime = Now.AddHours(-1), EndTime = Now, ScanBy = "TimestampAscending", NextToken = "t",
            }),
        ],


        ["IStepFunctions.StartExecutionAsync"] =
        [
            h => h.StepFunctions.StartExecutionAsync(new("arn:aws:states:us-west-2:123456789012:stateMachine:provision", "shop-web-2", """{"provisioningId":"shop-web"}""")),
            h => h.StepFunctions.StartExecutionAsync(new("arn:aws:states:us-west-2:123456789012:stateMachine:provision", null, null)),
        ],
    };

    public static TheoryData<string> Operations => new(Calls.Keys);

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task The_request_validates_against_the_botocore_model(string operation)
    {
        using var harness = new ClientHarness();
        harness.Handler.Respond(System.Net.HttpStatusCode.OK, string.Empty, "application/json");

        foreach (var call in Calls[operation])
        {
            try
            {
                await call(harness);
            }
            catch (AwsResponseFormatException)
            {
                // Only the request is under test; the empty answer lacks the output's entity.
            }
        }

        Assert.Equal(Calls[operation].Length, harness.Handler.Requests.Count);
        harness.AssertEveryRequestMatchesItsModel();
    }

    [Fact]
    public void Every_operation_of_every_protocol_port_is_covered()
    {
        var ports = new[] { typeof(IEcs), typeof(IIam), typeof(IOutposts), typeof(ICloudWatch), typeof(IStepFunctions) };

        var declared = ports.SelectMany(port => port.GetMethods().Select(m => $"{port.Name}.{m.Name}")).Order(StringComparer.Ordinal);

        Assert.Equal(declared, Calls.Keys.Order(StringComparer.Ordinal));
    }
}
