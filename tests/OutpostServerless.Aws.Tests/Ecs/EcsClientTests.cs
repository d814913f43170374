using System.Net;
using System.Text.Json.Nodes;
using OutpostServerless.Aws.Client.Http;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.Tests.Testing;

namespace OutpostServerless.Aws.Tests.Ecs;

/// <summary>The ECS client against recorded ECS answers; every request it sends must match the botocore model.</summary>
public sealed class EcsClientTests : IDisposable
{
    private const string ClusterArn = "arn:aws:ecs:us-west-2:123456789012:cluster/outpost-cluster";
    private readonly ClientHarness _harness = new(checkModelsOnDispose: true);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task CreateCluster_posts_the_awsJson_request_signed_for_ecs()
    {
        _harness.Handler.RespondJson("""
            {"cluster":{"activeServicesCount":0,"clusterArn":"arn:aws:ecs:us-west-2:123456789012:cluster/outpost-cluster","clusterName":"outpost-cluster","pendingTasksCount":0,"registeredContainerInstancesCount":0,"runningTasksCount":0,"status":"ACTIVE","tags":[{"key":"outpost-serverless:provisioning-id","value":"p-1"}]}}
            """);

        await _harness.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "outpost-cluster", Tags = [new EcsTag("outpost-serverless:provisioning-id", "p-1")] });

        var request = _harness.Handler.LastRequest;
        Assert.Equal((HttpMethod.Post, "https://ecs.us-west-2.amazonaws.com/"), (request.Method, request.Url.ToString()));
        Assert.Equal("AmazonEC2ContainerServiceV20141113.CreateCluster", request.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", request.Header("Content-Type"));
        Assert.Equal("""{"clusterName":"outpost-cluster","tags":[{"key":"outpost-serverless:provisioning-id","value":"p-1"}]}""", request.BodyText);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250106/us-west-2/ecs/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal("20250106T120000Z", request.Header("X-Amz-Date"));
    }

    [Fact]
    public async Task CreateCluster_reads_the_cluster()
    {
        _harness.Handler.RespondJson("""
            {"cluster":{"activeServicesCount":0,"clusterArn":"arn:aws:ecs:us-west-2:123456789012:cluster/outpost-cluster","clusterName":"outpost-cluster","pendingTasksCount":0,"registeredContainerInstancesCount":2,"runningTasksCount":1,"status":"ACTIVE","tags":[{"key":"env","value":"outpost"}]}}
            """);

        var response = await _harness.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "outpost-cluster" });

        Assert.Equal(
            (ClusterArn, "outpost-cluster", "ACTIVE", 2, 1),
            (response.Cluster.ClusterArn, response.Cluster.ClusterName, response.Cluster.Status, response.Cluster.RegisteredContainerInstancesCount, response.Cluster.RunningTasksCount));
        Assert.Equal([new EcsTag("env", "outpost")], response.Cluster.Tags);
        Assert.Equal("""{"clusterName":"outpost-cluster"}""", _harness.Handler.LastRequest.BodyText);
    }

    [Fact]
    public async Task DescribeClusters_reads_clusters_and_failures()
    {
        _harness.Handler.RespondJson("""
            {"clusters":[],"failures":[{"arn":"arn:aws:ecs:us-west-2:123456789012:cluster/missing","reason":"MISSING"}]}
            """);

        var response = await _harness.Ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = ["missing"], Include = ["TAGS"] });

        Assert.Equal("""{"clusters":["missing"],"include":["TAGS"]}""", _harness.Handler.LastRequest.BodyText);
        Assert.Empty(response.Clusters);
        Assert.Equal([new EcsFailure("arn:aws:ecs:us-west-2:123456789012:cluster/missing", "MISSING")], response.Failures);
    }

    [Fact]
    public async Task DescribeClusters_reads_absent_lists_as_empty()
    {
        _harness.Handler.RespondJson("{}");

        var response = await _harness.Ecs.DescribeClustersAsync(new DescribeClustersRequest());

        Assert.Equal(("{}", 0, 0), (_harness.Handler.LastRequest.BodyText, response.Clusters.Count, response.Failures.Count));
    }

    [Fact]
    public async Task DeleteCluster_sends_the_cluster_and_reads_it_back_inactive()
    {
        _harness.Handler.RespondJson("""
            {"cluster":{"activeServicesCount":0,"clusterArn":"arn:aws:ecs:us-west-2:123456789012:cluster/outpost-cluster","clusterName":"outpost-cluster","pendingTasksCount":0,"registeredContainerInstancesCount":0,"runningTasksCount":0,"status":"INACTIVE"}}
            """);

        var response = await _harness.Ecs.DeleteClusterAsync(new DeleteClusterRequest("outpost-cluster"));

        Assert.Equal("""{"cluster":"outpost-cluster"}""", _harness.Handler.LastRequest.BodyText);
        Assert.Equal("INACTIVE", response.Cluster.Status);
    }

    [Fact]
    public async Task ListContainerInstances_pages_with_the_next_token()
    {
        _harness.Handler.RespondJson("""
            {"containerInstanceArns":["arn:aws:ecs:us-west-2:123456789012:container-instance/outpost-cluster/0b1f2a3c4d5e6f708192a3b4c5d6e7f8"],"nextToken":"eyJ0b2tlbiI6Mn0="}
            """);

        var response = await _harness.Ecs.ListContainerInstancesAsync(new ListContainerInstancesRequest { Cluster = "outpost-cluster", Status = "ACTIVE", NextToken = "eyJ0b2tlbiI6MX0=" });

        Assert.Equal("""{"cluster":"outpost-cluster","status":"ACTIVE","nextToken":"eyJ0b2tlbiI6MX0="}""", _harness.Handler.LastRequest.BodyText);
        Assert.Equal(("eyJ0b2tlbiI6Mn0=", 1), (response.NextToken, response.ContainerInstanceArns.Count));
    }

    [Fact]
    public async Task DescribeContainerInstances_reads_agent_state_and_attributes()
    {
        _harness.Handler.RespondJson("""
            {"containerInstances":[{"agentConnected":true,"attributes":[{"name":"ecs.instance-type","value":"c5.large"},{"name":"ecs.outpost-arn","value":"arn:aws:outposts:us-west-2:123456789012:outpost/op-0123456789abcdef0"}],"containerInstanceArn":"arn:aws:ecs:us-west-2:123456789012:container-instance/outpost-cluster/0b1f","ec2InstanceId":"i-0123456789abcdef0","pendingTasksCount":0,"registeredAt":1.736164800123E9,"runningTasksCount":0,"status":"ACTIVE","versionInfo":{"agentVersion":"1.89.2"}}],"failures":[]}
            """);

        var response = await _harness.Ecs.DescribeContainerInstancesAsync(new DescribeContainerInstancesRequest { Cluster = "outpost-cluster", ContainerInstances = ["0b1f"] });

        var instance = Assert.Single(response.ContainerInstances);
        Assert.Equal(("i-0123456789abcdef0", "ACTIVE", true), (instance.Ec2InstanceId, instance.Status, instance.AgentConnected));
        Assert.Contains(new EcsAttribute("ecs.instance-type", "c5.large"), instance.Attributes);
    }

    [Fact]
    public async Task DeregisterContainerInstance_sends_force()
    {
        _harness.Handler.RespondJson("""
            {"containerInstance":{"agentConnected":false,"containerInstanceArn":"arn:aws:ecs:us-west-2:123456789012:container-instance/outpost-cluster/0b1f","ec2InstanceId":"i-0123456789abcdef0","runningTasksCount":0,"status":"INACTIVE"}}
            """);

        var response = await _harness.Ecs.DeregisterContainerInstanceAsync(new DeregisterContainerInstanceRequest { Cluster = "outpost-cluster", ContainerInstance = "0b1f", Force = true });

        Assert.Equal("""{"cluster":"outpost-cluster","containerInstance":"0b1f","force":true}""", _harness.Handler.LastRequest.BodyText);
        Assert.Equal("INACTIVE", response.ContainerInstance.Status);
    }

    [Fact]
    public async Task RegisterTaskDefinition_sends_the_container_definitions_verbatim()
    {
        _harness.Handler.RespondJson("""
            {"taskDefinition":{"containerDefinitions":[{"cpu":256,"essential":true,"image":"public.ecr.aws/nginx/nginx:latest","memory":512,"name":"web","portMappings":[{"containerPort":80,"hostPort":80,"protocol":"tcp"}]}],"family":"outpost-web","networkMode":"bridge","requiresCompatibilities":["EC2"],"revision":3,"status":"ACTIVE","taskDefinitionArn":"arn:aws:ecs:us-west-2:123456789012:task-definition/outpost-web:3"},"tags":[{"key":"outpost-serverless:provisioning-id","value":"p-1"}]}
            """);
        var containers = JsonNode.Parse("""[{"name":"web","image":"public.ecr.aws/nginx/nginx:latest","cpu":256,"memory":512,"essential":true,"portMappings":[{"containerPort":80,"hostPort":80,"protocol":"tcp"}]}]""")!.AsArray();

        var response = await _harness.Ecs.RegisterTaskDefinitionAsync(new RegisterTaskDefinitionRequest
        {
            Family = "outpost-web",
            ContainerDefinitions = containers,
            NetworkMode = "bridge",
            RequiresCompatibilities = ["EC2"],
            Tags = [new EcsTag("outpost-serverless:provisioning-id", "p-1")],
        });

        Assert.Equal(
            """{"family":"outpost-web","containerDefinitions":[{"name":"web","image":"public.ecr.aws/nginx/nginx:latest","cpu":256,"memory":512,"essential":true,"portMappings":[{"containerPort":80,"hostPort":80,"protocol":"tcp"}]}],"networkMode":"bridge","requiresCompatibilities":["EC2"],"tags":[{"key":"outpost-serverless:provisioning-id","value":"p-1"}]}""",
            _harness.Handler.LastRequest.BodyText);
        Assert.Equal(("outpost-web", 3, "ACTIVE"), (response.TaskDefinition.Family, response.TaskDefinition.Revision, response.TaskDefinition.Status));
        Assert.Equal("web", response.TaskDefinition.ContainerDefinitions[0]!["name"]!.GetValue<string>());
        Assert.Single(response.Tags);
    }

    [Fact]
    public async Task DescribeTaskDefinition_reads_the_tags_when_asked_for()
    {
        _harness.Handler.RespondJson("""
            {"taskDefinition":{"containerDefinitions":[],"family":"outpost-web","revision":3,"status":"ACTIVE","taskDefinitionArn":"arn:aws:ecs:us-west-2:123456789012:task-definition/outpost-web:3"},"tags":[{"key":"outpost-serverless:step","value":"RegisterTaskDefinition"}]}
            """);

        var response = await _harness.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = "outpost-web", Include = ["TAGS"] });

        Assert.Equal("""{"taskDefinition":"outpost-web","include":["TAGS"]}""", _harness.Handler.LastRequest.BodyText);
        Assert.Equal([new EcsTag("outpost-serverless:step", "RegisterTaskDefinition")], response.Tags);
    }

    [Fact]
    public async Task DeregisterTaskDefinition_reads_the_inactive_revision()
    {
        _harness.Handler.RespondJson("""
            {"taskDefinition":{"containerDefinitions":[],"family":"outpost-web","revision":3,"status":"INACTIVE","taskDefinitionArn":"arn:aws:ecs:us-west-2:123456789012:task-definition/outpost-web:3"}}
            """);

        var response = await _harness.Ecs.DeregisterTaskDefinitionAsync(new DeregisterTaskDefinitionRequest("outpost-web:3"));

        Assert.Equal("INACTIVE", response.TaskDefinition.Status);
    }

    [Fact]
    public async Task RunTask_sends_the_launch_and_reads_the_tasks()
    {
        _harness.Handler.RespondJson("""
            {"failures":[],"tasks":[{"clusterArn":"arn:aws:ecs:us-west-2:123456789012:cluster/outpost-cluster","containerInstanceArn":"arn:aws:ecs:us-west-2:123456789012:container-instance/outpost-cluster/0b1f","containers":[],"createdAt":1.736164800E9,"desiredStatus":"RUNNING","group":"family:outpost-web","lastStatus":"PENDING","launchType":"EC2","startedBy":"p-1","taskArn":"arn:aws:ecs:us-west-2:123456789012:task/outpost-cluster/4f6a","taskDefinitionArn":"arn:aws:ecs:us-west-2:123456789012:task-definition/outpost-web:3","version":1}]}
            """);

        var response = await _harness.Ecs.RunTaskAsync(new RunTaskRequest
        {
            Cluster = "outpost-cluster",
            TaskDefinition = "outpost-web:3",
            Count = 2,
            LaunchType = "EC2",
            StartedBy = "p-1",
            ClientToken = "p-1-run",
        });

        Assert.Equal("""{"cluster":"outpost-cluster","taskDefinition":"outpost-web:3","count":2,"launchType":"EC2","startedBy":"p-1","clientToken":"p-1-run"}""", _harness.Handler.LastRequest.BodyText);
        var task = Assert.Single(response.Tasks);
        Assert.Equal(("PENDING", "RUNNING", "EC2", "family:outpost-web"), (task.LastStatus, task.DesiredStatus, task.LaunchType, task.Group));
    }

    [Fact]
    public async Task ListTasks_filters_by_starter_and_status()
    {
        _harness.Handler.RespondJson("""{"taskArns":["arn:aws:ecs:us-west-2:123456789012:task/outpost-cluster/4f6a"]}""");

        var response = await _harness.Ecs.ListTasksAsync(new ListTasksRequest { Cluster = "outpost-cluster", StartedBy = "p-1", DesiredStatus = "RUNNING" });

        Assert.Equal("""{"cluster":"outpost-cluster","startedBy":"p-1","desiredStatus":"RUNNING"}""", _harness.Handler.LastRequest.BodyText);
        Assert.Equal((1, null), (response.TaskArns.Count, response.NextToken));
    }

    [Fact]
    public async Task DescribeTasks_and_StopTask_read_tasks()
    {
        const string task = """{"clusterArn":"arn:aws:ecs:us-west-2:123456789012:cluster/outpost-cluster","desiredStatus":"STOPPED","lastStatus":"RUNNING","taskArn":"arn:aws:ecs:us-west-2:123456789012:task/outpost-cluster/4f6a","taskDefinitionArn":"arn:aws:ecs:us-west-2:123456789012:task-definition/outpost-web:3"}""";
        _harness.Handler.RespondJson($$"""{"tasks":[{{task}}],"failures":[]}""").RespondJson($$"""{"task":{{task}}}""");

        var described = await _harness.Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = "outpost-cluster", Tasks = ["4f6a"] });
        var stopped = await _harness.Ecs.StopTaskAsync(new StopTaskRequest { Cluster = "outpost-cluster", Task = "4f6a", Reason = "rollback" });

        Assert.Equal(described.Tasks[0], stopped.Task with { Tags = described.Tasks[0].Tags });
        Assert.Equal("""{"cluster":"outpost-cluster","task":"4f6a","reason":"rollback"}""", _harness.Handler.LastRequest.BodyText);
    }

    [Fact]
    public async Task Services_are_created_described_updated_and_deleted()
    {
        const string service = """{"clusterArn":"arn:aws:ecs:us-west-2:123456789012:cluster/outpost-cluster","desiredCount":2,"launchType":"EC2","pendingCount":0,"runningCount":0,"serviceArn":"arn:aws:ecs:us-west-2:123456789012:service/outpost-cluster/web","serviceName":"web","status":"ACTIVE","taskDefinition":"arn:aws:ecs:us-west-2:123456789012:task-definition/outpost-web:3"}""";
        _harness.Handler
            .RespondJson($$"""{"service":{{service}}}""")
            .RespondJson($$"""{"services":[{{service}}],"failures":[]}""")
            .RespondJson($$"""{"service":{{service.Replace("\"desiredCount\":2", "\"desiredCount\":0", StringComparison.Ordinal)}}}""")
            .RespondJson($$"""{"service":{{service.Replace("ACTIVE", "DRAINING", StringComparison.Ordinal)}}}""");

        var created = await _harness.Ecs.CreateServiceAsync(new CreateServiceRequest { Cluster = "outpost-cluster", ServiceName = "web", TaskDefinition = "outpost-web:3", DesiredCount = 2, LaunchType = "EC2", ClientToken = "p-1-web" });
        var described = await _harness.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = "outpost-cluster", Services = ["web"] });
        var updated = await _harness.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = "outpost-cluster", Service = "web", DesiredCount = 0 });
        var deleted = await _harness.Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = "outpost-cluster", Service = "web", Force = true });

        Assert.Equal((2, "ACTIVE"), (created.Service.DesiredCount, described.Services[0].Status));
        Assert.Equal((0, "DRAINING"), (updated.Service.DesiredCount, deleted.Service.Status));
        Assert.Equal(
            ["CreateService", "DescribeServices", "UpdateService", "DeleteService"],
            _harness.Handler.Requests.Select(r => r.Header("X-Amz-Target")!.Split('.')[1]));
    }

    [Fact]
    public async Task An_ecs_error_surfaces_with_its_code_message_and_request_id()
    {
        _harness.Handler.RespondJson("""{"__type":"ClusterNotFoundException","message":"Cluster not found."}""", HttpStatusCode.BadRequest);

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => _harness.Ecs.DescribeContainerInstancesAsync(new DescribeContainerInstancesRequest { Cluster = "gone", ContainerInstances = ["x"] }));

        Assert.Equal((EcsErrorCodes.ClusterNotFoundException, "Cluster not found.", "8a4b7c3e-5f6d-4e2a-9b1c-0d2e3f4a5b6c"), (error.ErrorCode, error.Message, error.RequestId));
    }

    [Fact]
    public async Task A_success_without_the_promised_entity_is_a_format_error_naming_it()
    {
        _harness.Handler.RespondJson("{}");

        var error = await Assert.ThrowsAsync<AwsResponseFormatException>(() => _harness.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "c" }));

        Assert.Contains("missing cluster", error.Message, StringComparison.Ordinal);
    }
}
