using System.Net;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.Iam;

namespace OutpostServerless.Aws.Tests.Interop;

/// <summary>
/// Our clients (and the SDK's EC2 client, configured by <see cref="AwsPortsFactory"/>) against OUR
/// emulator's wire server: the same <see cref="PortScenarios"/> the moto tests run, plus the steps'
/// Outposts operations, which moto lacks. Both ends are ours, so what keeps them honest is that the
/// scenarios also pass against moto and the server also answers the real AWS CLI.
/// </summary>
public sealed class EmulatorInteropTests(ITestOutputHelper output)
{
    private const string InstanceType = "c5.large";

    [Fact]
    public async Task Ecs_clusters_are_created_described_with_tags_and_deleted()
    {
        await using var emulator = await EmulatorEndpoint.StartAsync();

        await PortScenarios.EcsClusterAsync(emulator.Ports, "cluster-a");
    }

    [Fact]
    public async Task Ecs_task_definitions_get_revisions_tags_and_deregistration()
    {
        await using var emulator = await EmulatorEndpoint.StartAsync();

        await PortScenarios.TaskDefinitionsAsync(emulator.Ports, "family-a");
    }

    [Fact]
    public async Task Iam_role_policies_and_instance_profile_are_built_and_torn_down()
    {
        await using var emulator = await EmulatorEndpoint.StartAsync();

        await PortScenarios.InstanceRoleAsync(emulator.Ports, "ecsInstanceRole-a");
    }

    [Fact]
    public async Task Cloudwatch_returns_the_published_outpost_metric()
    {
        await using var emulator = await EmulatorEndpoint.StartAsync();
        var free = emulator.Cloud.FreeSlots(InstanceType);

        // The emulated Outpost publishes its own metrics, ConnectedStatus too (1: connected).
        var response = await PortScenarios.OutpostMetricsAsync(emulator.Ports, emulator.Cloud.DefaultOutpostId, InstanceType, emulator.Clock.GetUtcNow(), expectedAvailable: free, expectedConnected: 1);

        output.WriteLine($"GetMetricData: {string.Join("; ", response.MetricDataResults.Select(r => $"{r.Id} {r.StatusCode} [{string.Join(',', r.Values)}] label={r.Label}"))}");
    }

    [Fact]
    public async Task Ec2_network_and_instances_then_ecs_container_instances_tasks_and_services()
    {
        await using var emulator = await EmulatorEndpoint.StartAsync();
        var timings = emulator.Cloud.Options.Timings;

        // The emulated instance boots and its ECS agent registers it, as virtual time passes.
        var made = await PortScenarios.NetworkInstancesTasksAndServicesAsync(emulator.Ports, "p-a", (_, _) =>
        {
            emulator.Clock.Advance(timings.InstanceBoot + timings.AgentRegistration);
            return Task.CompletedTask;
        },
        () =>
        {
            emulator.Clock.Advance(TimeSpan.FromSeconds(5));
            return Task.CompletedTask;
        });

        output.WriteLine($"emulator: {made}");
    }

    [Fact]
    public async Task Outposts_describes_the_outpost_its_instance_types_and_its_hosts_slots()
    {
        await using var emulator = await EmulatorEndpoint.StartAsync();

        await PortScenarios.OutpostAsync(emulator.Ports, emulator.Cloud.DefaultOutpostArn, InstanceType);
    }

    [Fact]
    public async Task Dynamodb_conditional_writes_updates_queries_and_errors_over_the_wire()
    {
        await using var emulator = await EmulatorEndpoint.StartAsync();

        await DynamoDbScenario.RunAsync(emulator.Ports, "records-a", () =>
        {
            emulator.Clock.Advance(emulator.Cloud.Options.Timings.TableCreation);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Dynamodb_conditional_writes_updates_queries_and_errors_in_process()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(EmulatorEndpoint.Start);
        var cloud = new OutpostServerless.Emulator.EmulatedCloud(clock);

        await DynamoDbScenario.RunAsync(cloud.Ports, "records-a", () =>
        {
            clock.Advance(cloud.Options.Timings.TableCreation);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task A_non_retryable_error_surfaces_with_code_message_and_request_id()
    {
        await using var emulator = await EmulatorEndpoint.StartAsync();

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => emulator.Ports.Iam.GetRoleAsync(new GetRoleRequest("absent-role")));

        Assert.Equal((IamErrorCodes.NoSuchEntity, HttpStatusCode.NotFound), (error.ErrorCode, error.StatusCode));
        Assert.Contains("absent-role", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }
}
