using Amazon.Runtime;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Aws.Tests.Testing;
using OutpostServerless.Testing.Fakes;

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
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

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
        using var clients = Clients();
        await PortScenarios.EcsClusterAsync(clients.Ports, Unique("cluster"));
    }

    [Fact]
    public async Task Ecs_task_definitions_get_revisions_tags_and_deregistration()
    {
        using var clients = Clients();
        await PortScenarios.TaskDefinitionsAsync(clients.Ports, Unique("family"));
    }

    [Fact]
    public async Task Dynamodb_conditional_writes_updates_queries_and_errors()
    {
        using var clients = Clients();
        await DynamoDbScenario.RunAsync(clients.Ports, Unique("records"), () => Task.CompletedTask);
    }

    [Fact]
    public async Task Iam_role_policies_and_instance_profile_are_built_and_torn_down()
    {
        using var clients = Clients();
        await PortScenarios.InstanceRoleAsync(clients.Ports, Unique("ecsInstanceRole"));
    }

    [Fact]
    public async Task Cloudwatch_returns_the_published_outpost_metric()
    {
        using var clients = Clients();
        using var seeding = new MotoSeeding(moto.Endpoint);
        var outpostId = Unique("op");
        var at = DateTimeOffset.UtcNow.AddMinutes(-3);
        at = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero);
        await seeding.PutMetricDataAsync("AvailableInstanceType_Count", [("OutpostId", outpostId), ("InstanceType", "c5.large")], 3, at);

        var response = await PortScenarios.OutpostMetricsAsync(clients.Ports, outpostId, "c5.large", at, expectedAvailable: 3, expectedConnected: null);

        output.WriteLine($"GetMetricData: {string.Join("; ", response.MetricDataResults.Select(r => $"{r.Id} {r.StatusCode} [{string.Join(',', r.Values)}] label={r.Label}"))}");
    }

    [Fact]
    public async Task Ec2_network_and_instances_then_ecs_container_instances_tasks_and_services()
    {
        using var clients = Clients();
        using var seeding = new MotoSeeding(moto.Endpoint);

        // moto has no ECS agent: register the instance with the cluster as the agent would.
        var made = await PortScenarios.NetworkInstancesTasksAndServicesAsync(clients.Ports, Unique("p"), (cluster, instanceId) => seeding.RegisterContainerInstanceAsync(cluster, instanceId),
            () => Task.Delay(TimeSpan.FromMilliseconds(100)));

        output.WriteLine($"moto: {made}");
    }

    [Fact]
    public async Task A_non_retryable_error_from_moto_surfaces_with_code_message_and_request_id()
    {
        using var clients = Clients();

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => clients.Ports.Iam.GetRoleAsync(new GetRoleRequest(Unique("absent"))));

        Assert.Equal((IamErrorCodes.NoSuchEntity, System.Net.HttpStatusCode.NotFound), (error.ErrorCode, error.StatusCode));
        Assert.False(string.IsNullOrEmpty(error.Message));
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }
}
