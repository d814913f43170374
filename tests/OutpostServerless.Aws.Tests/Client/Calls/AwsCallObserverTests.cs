using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using OutpostServerless.Aws.Client.Calls;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Aws.Tests.Interop;
using OutpostServerless.Aws.Tests.Testing;

namespace OutpostServerless.Aws.Tests.Client.Calls;

/// <summary>
/// The call observer sees what the service counts: one call per answered attempt, named
/// <c>service:Operation</c>, through our protocol clients and through the SDK's EC2 client alike. The
/// emulator's own call log is the reference: it counts every request its world answered.
/// </summary>
public sealed class AwsCallObserverTests
{
    [Fact]
    public async Task Every_call_is_seen_under_the_name_the_emulator_counts_it_by()
    {
        var observer = new RecordingCallObserver();
        await using var emulator = await EmulatorEndpoint.StartAsync(observer);
        var timings = emulator.Cloud.Options.Timings;

        await PortScenarios.OutpostAsync(emulator.Ports, emulator.Cloud.DefaultOutpostArn, "c5.large");
        await PortScenarios.OutpostMetricsAsync(emulator.Ports, emulator.Cloud.DefaultOutpostId, "c5.large", emulator.Clock.GetUtcNow(), emulator.Cloud.FreeSlots("c5.large"), expectedConnected: 1);
        await PortScenarios.InstanceRoleAsync(emulator.Ports, "ecsInstanceRole-a");
        await PortScenarios.NetworkInstancesTasksAndServicesAsync(
            emulator.Ports,
            "p-a",
            (_, _) => Advance(emulator, timings.InstanceBoot + timings.AgentRegistration),
            () => Advance(emulator, TimeSpan.FromSeconds(5)));

        Assert.Equal(emulator.Cloud.Calls.Counts.OrderBy(c => c.Key), observer.Counts.OrderBy(c => c.Key));
        Assert.Equal(
            emulator.Cloud.Calls.All.Select(c => (c.Operation, c.ErrorCode)),
            observer.Calls.Select(c => (c.Operation, c.ErrorCode)));
    }

    [Fact]
    public async Task An_ec2_call_the_sdk_retries_after_throttling_is_seen_once_per_answered_attempt()
    {
        var observer = new RecordingCallObserver();
        await using var emulator = await EmulatorEndpoint.StartAsync(observer);
        emulator.Cloud.Faults.QueueError("ec2:DescribeVpcs", "RequestLimitExceeded", "Request limit exceeded.", times: 2);

        await emulator.Ports.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest());

        Assert.Equal(
            [("ec2:DescribeVpcs", "RequestLimitExceeded"), ("ec2:DescribeVpcs", "RequestLimitExceeded"), ("ec2:DescribeVpcs", (string?)null)],
            observer.Calls.Select(c => (c.Operation, c.ErrorCode)));
        Assert.Equal(3, emulator.Cloud.Calls.Count("ec2:DescribeVpcs"));
    }

    [Fact]
    public async Task A_call_our_pipeline_retries_after_throttling_is_seen_once_per_answered_attempt()
    {
        var observer = new RecordingCallObserver();
        await using var emulator = await EmulatorEndpoint.StartAsync(observer);
        emulator.Cloud.Faults.QueueError("ecs:DescribeClusters", EcsErrorCodes.ThrottlingException, "Rate exceeded", times: 1);

        await emulator.Ports.Ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = ["default"] });

        Assert.Equal(
            [("ecs:DescribeClusters", EcsErrorCodes.ThrottlingException), ("ecs:DescribeClusters", (string?)null)],
            observer.Calls.Select(c => (c.Operation, c.ErrorCode)));
        Assert.Equal(2, emulator.Cloud.Calls.Count("ecs:DescribeClusters"));
    }

    [Theory]
    [InlineData("iam")]
    [InlineData("ec2")]
    public async Task An_error_answer_is_seen_with_its_status_and_code(string service)
    {
        var observer = new RecordingCallObserver();
        await using var emulator = await EmulatorEndpoint.StartAsync(observer);

        var expected = service == "iam"
            ? new AwsCall("iam:GetRole", HttpStatusCode.NotFound, IamErrorCodes.NoSuchEntity)
            : new AwsCall("ec2:DeleteVpc", HttpStatusCode.BadRequest, "InvalidVpcID.NotFound");
        await Assert.ThrowsAnyAsync<Amazon.Runtime.AmazonServiceException>(() => service == "iam"
            ? emulator.Ports.Iam.GetRoleAsync(new GetRoleRequest("absent-role"))
            : emulator.Ports.Ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = "vpc-0123456789abcdef0" }));

        Assert.Equal(expected, Assert.Single(observer.Calls));
    }

    private static Task Advance(EmulatorEndpoint emulator, TimeSpan by)
    {
        emulator.Clock.Advance(by);
        return Task.CompletedTask;
    }
}
