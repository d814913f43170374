using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using OutpostServerless.Aws.CloudWatch;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Aws.Outposts;
using OutpostServerless.Emulator.Calls;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Calls;

public sealed class FaultInjectionTests
{
    private readonly TestWorld _world = new();

    public static TheoryData<string, string, HttpStatusCode> ThrottlingCodes => new()
    {
        { "ec2:DescribeVpcs", "RequestLimitExceeded", HttpStatusCode.ServiceUnavailable },
        { "ecs:DescribeClusters", "ThrottlingException", HttpStatusCode.BadRequest },
        { "iam:GetRole", "Throttling", HttpStatusCode.BadRequest },
        { "outposts:GetOutpost", "ThrottlingException", HttpStatusCode.BadRequest },
        { "cloudwatch:GetMetricData", "Throttling", HttpStatusCode.BadRequest },
        { "ssm:GetParameter", "ThrottlingException", HttpStatusCode.BadRequest },
    };

    public static TheoryData<string, string> ServerErrorCodes => new()
    {
        { "ec2:DescribeVpcs", "InternalError" },
        { "ecs:DescribeClusters", "ServerException" },
        { "iam:GetRole", "ServiceFailure" },
        { "outposts:GetOutpost", "InternalServerException" },
        { "cloudwatch:GetMetricData", "InternalServiceError" },
        { "ssm:GetParameter", "InternalServerError" },
    };

    [Theory]
    [MemberData(nameof(ThrottlingCodes))]
    public async Task Throttling_answers_with_the_code_and_status_each_service_really_uses(string operation, string code, HttpStatusCode status)
    {
        _world.Cloud.Faults.Queue(operation, FaultKind.Throttling);

        var error = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => Call(operation));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(status, error.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ServerErrorCodes))]
    public async Task A_server_error_answers_with_the_500_each_service_declares(string operation, string code)
    {
        _world.Cloud.Faults.Queue(operation, FaultKind.ServerError);

        var error = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => Call(operation));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(ErrorType.Receiver, error.ErrorType);
    }

    [Fact]
    public async Task EC2_faults_are_thrown_as_the_EC2_client_throws_them()
    {
        _world.Cloud.Faults.Queue("ec2:CreateVpc", FaultKind.Throttling);

        await AwsAssert.Ec2ErrorAsync("RequestLimitExceeded", () => _world.VpcAsync());
    }

    [Theory]
    [InlineData(FaultKind.Throttling)]
    [InlineData(FaultKind.ServerError)]
    [InlineData(FaultKind.TimeoutBeforeEffect)]
    public async Task A_fault_before_the_effect_changes_nothing(FaultKind kind)
    {
        _world.Cloud.Faults.Queue("ec2:CreateVpc", kind);

        await Assert.ThrowsAnyAsync<Exception>(() => _world.VpcAsync());

        Assert.Empty((await _world.Aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs ?? []);
    }

    [Fact]
    public async Task A_timeout_before_the_effect_surfaces_as_the_TimeoutException_of_an_HTTP_client()
    {
        _world.Cloud.Faults.Queue("ec2:CreateVpc", FaultKind.TimeoutBeforeEffect);

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => _world.VpcAsync());

        Assert.Contains("ec2:CreateVpc", timeout.Message);
    }

    [Fact]
    public async Task A_timeout_after_the_effect_makes_the_change_and_still_fails_the_caller()
    {
        _world.Cloud.Faults.Queue("ec2:CreateVpc", FaultKind.TimeoutAfterEffect);

        await Assert.ThrowsAsync<TimeoutException>(() => _world.VpcAsync(tags: new() { ["owner"] = "lost-response" }));

        var vpc = Assert.Single((await _world.Aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs);
        Assert.Contains(vpc.Tags, t => t.Key == "owner" && t.Value == "lost-response");
    }

    [Fact]
    public async Task The_caller_cannot_tell_a_lost_response_from_a_request_that_never_arrived()
    {
        _world.Cloud.Faults.Queue("ec2:CreateVpc", FaultKind.TimeoutBeforeEffect);
        _world.Cloud.Faults.Queue("ec2:CreateVpc", FaultKind.TimeoutAfterEffect);

        var before = await Assert.ThrowsAsync<TimeoutException>(() => _world.VpcAsync());
        var after = await Assert.ThrowsAsync<TimeoutException>(() => _world.VpcAsync());

        Assert.Equal(before.Message, after.Message);
    }

    [Fact]
    public async Task The_call_log_names_the_fault_and_whether_the_call_took_effect()
    {
        _world.Cloud.Faults.Queue("ec2:CreateVpc", FaultKind.TimeoutBeforeEffect);
        _world.Cloud.Faults.Queue("ec2:CreateVpc", FaultKind.TimeoutAfterEffect);
        await Assert.ThrowsAsync<TimeoutException>(() => _world.VpcAsync());
        await Assert.ThrowsAsync<TimeoutException>(() => _world.VpcAsync());
        await _world.VpcAsync("10.1.0.0/16");

        var calls = _world.Cloud.Calls.All;

        Assert.Equal([FaultKind.TimeoutBeforeEffect, FaultKind.TimeoutAfterEffect, null], calls.Select(c => c.Fault));
        Assert.Equal([false, true, true], calls.Select(c => c.TookEffect));
        Assert.Equal([ApiCall.TimeoutErrorCode, ApiCall.TimeoutErrorCode, null], calls.Select(c => c.ErrorCode));
    }

    [Fact]
    public async Task A_queued_fault_lets_the_given_number_of_matching_calls_through_first()
    {
        _world.Cloud.Faults.Queue("ec2:CreateVpc", FaultKind.ServerError, times: 1, skip: 2);

        await _world.VpcAsync("10.1.0.0/16");
        await _world.VpcAsync("10.2.0.0/16");
        await AwsAssert.Ec2ErrorAsync("InternalError", () => _world.VpcAsync("10.3.0.0/16"));
        await _world.VpcAsync("10.4.0.0/16");

        Assert.Equal(0, _world.Cloud.Faults.QueuedCount);
    }

    [Fact]
    public async Task Queued_faults_count_the_calls_they_match_independently()
    {
        _world.Cloud.Faults.Queue("*", FaultKind.ServerError, skip: 1);
        _world.Cloud.Faults.Queue("ec2:CreateVpc", FaultKind.Throttling);

        await AwsAssert.Ec2ErrorAsync("RequestLimitExceeded", () => _world.VpcAsync());
        await AwsAssert.Ec2ErrorAsync("InternalError", () => _world.VpcAsync());
        await _world.VpcAsync();

        Assert.Equal([FaultKind.Throttling, FaultKind.ServerError, null], _world.Cloud.Calls.All.Select(c => c.Fault));
    }

    [Fact]
    public async Task A_service_wildcard_hits_every_operation_of_that_service_and_no_other()
    {
        _world.Cloud.Faults.Queue("iam:*", FaultKind.Throttling, times: 2);

        await _world.VpcAsync();
        await AwsAssert.ServiceErrorAsync("Throttling", () => _world.Aws.Iam.GetRoleAsync(new GetRoleRequest("any")));
        await AwsAssert.ServiceErrorAsync("Throttling", () => _world.Aws.Iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest("any")));

        Assert.Equal(0, _world.Cloud.Faults.QueuedCount);
    }

    [Fact]
    public async Task A_withdrawn_fault_never_fires()
    {
        var fault = _world.Cloud.Faults.Queue("*", FaultKind.ServerError);

        var wasPending = fault.Withdraw();
        await _world.VpcAsync();

        Assert.True(wasPending);
        Assert.Null(Assert.Single(_world.Cloud.Calls.All).Fault);
    }

    [Fact]
    public async Task Withdrawing_a_fault_that_already_fired_says_so()
    {
        var fault = _world.Cloud.Faults.Queue("*", FaultKind.ServerError);
        await Assert.ThrowsAnyAsync<AmazonServiceException>(() => _world.VpcAsync());

        Assert.False(fault.Withdraw());
    }

    [Fact]
    public async Task Random_faults_with_the_same_seed_hit_the_same_calls_in_two_worlds()
    {
        var first = await FaultPatternAsync(new TestWorld(), seed: 7);
        var second = await FaultPatternAsync(new TestWorld(), seed: 7);
        var other = await FaultPatternAsync(new TestWorld(), seed: 8);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Random_faults_hit_about_the_given_share_of_calls()
    {
        var pattern = await FaultPatternAsync(_world, seed: 42, calls: 2000, rate: 0.2);

        var share = pattern.Count(kind => kind is not null) / 2000.0;

        Assert.InRange(share, 0.17, 0.23);
    }

    [Fact]
    public async Task Random_faults_draw_each_of_their_kinds()
    {
        var kinds = new[] { FaultKind.Throttling, FaultKind.ServerError, FaultKind.TimeoutBeforeEffect };

        var pattern = await FaultPatternAsync(_world, seed: 3, calls: 600, rate: 0.5, kinds);

        Assert.Equal(kinds.Order(), pattern.OfType<FaultKind>().Distinct().Order());
    }

    [Fact]
    public async Task Random_faults_only_hit_the_operations_they_name()
    {
        _world.Cloud.Faults.AddRandom(new RandomFaults(1, 1.0, [FaultKind.ServerError], "ecs:*"));

        await _world.VpcAsync();
        await AwsAssert.ServiceErrorAsync("ServerException", () => _world.Aws.Ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = ["c"] }));
    }

    [Fact]
    public void A_random_rule_that_would_need_an_error_code_is_refused()
    {
        Assert.Throws<ArgumentException>(() => _world.Cloud.Faults.AddRandom(new RandomFaults(1, 0.5, [FaultKind.Error])));
        Assert.Throws<ArgumentOutOfRangeException>(() => _world.Cloud.Faults.AddRandom(new RandomFaults(1, 1.5, [FaultKind.Throttling])));
    }

    [Theory]
    [InlineData("CreateVpc")]
    [InlineData("ec2")]
    [InlineData("ec2:")]
    [InlineData(":CreateVpc")]
    public void An_operation_pattern_must_name_a_service(string operations)
    {
        Assert.Throws<ArgumentException>(() => _world.Cloud.Faults.Queue(operations, FaultKind.Throttling));
    }

    [Fact]
    public async Task Capacity_taken_before_a_launch_makes_it_meet_InsufficientInstanceCapacity_until_the_slots_come_back()
    {
        var vpc = await _world.VpcAsync();
        var subnet = await _world.OutpostSubnetAsync(vpc);
        var free = _world.Cloud.FreeSlots("c5.large");
        _world.Cloud.Faults.Queue("ec2:RunInstances", FaultKind.CapacityTaken, capacityHold: TimeSpan.FromMinutes(20));

        await AwsAssert.Ec2ErrorAsync("InsufficientInstanceCapacity", () => _world.LaunchAsync(subnet));
        var whileTaken = _world.Cloud.FreeSlots("c5.large");
        _world.Advance(TimeSpan.FromMinutes(20));
        var launched = await _world.LaunchAsync(subnet);

        Assert.Equal(0, whileTaken);
        Assert.Single(launched.Reservation.Instances);
        Assert.Equal(free - 1, _world.Cloud.FreeSlots("c5.large"));
        Assert.Equal(FaultKind.CapacityTaken, _world.Cloud.Calls.All.First(c => c.Operation == "ec2:RunInstances").Fault);
    }

    [Fact]
    public async Task An_observer_sees_every_call_until_it_is_disposed()
    {
        var seen = new List<string>();
        using (_world.Cloud.Calls.Observe(call => seen.Add($"{call.Operation} {call.Succeeded}")))
        {
            await _world.VpcAsync();
            await AwsAssert.Ec2ErrorAsync(Aws.Ec2.Ec2ErrorCodes.InvalidVpcRange, () => _world.VpcAsync("10.0.0.0/8"));
        }

        await _world.VpcAsync("10.1.0.0/16");

        Assert.Equal(["ec2:CreateVpc True", "ec2:CreateVpc False"], seen);
    }

    private static async Task<List<FaultKind?>> FaultPatternAsync(
        TestWorld world, long seed, int calls = 200, double rate = 0.3, FaultKind[]? kinds = null)
    {
        world.Cloud.Faults.AddRandom(new RandomFaults(seed, rate, kinds ?? [FaultKind.Throttling, FaultKind.ServerError]));
        for (var i = 0; i < calls; i++)
        {
            try
            {
                await world.Aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest());
            }
            catch (Exception e) when (e is AmazonServiceException or TimeoutException)
            {
                // The pattern is read from the call log.
            }
        }

        return [.. world.Cloud.Calls.All.Select(c => c.Fault)];
    }

    private Task Call(string operation) => operation switch
    {
        "ec2:DescribeVpcs" => _world.Aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest()),
        "ecs:DescribeClusters" => _world.Aws.Ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = ["c"] }),
        "iam:GetRole" => _world.Aws.Iam.GetRoleAsync(new GetRoleRequest("r")),
        "outposts:GetOutpost" => _world.Aws.Outposts.GetOutpostAsync(new GetOutpostRequest(_world.Cloud.DefaultOutpostId)),
        "cloudwatch:GetMetricData" => _world.Aws.CloudWatch.GetMetricDataAsync(new GetMetricDataRequest
        {
            MetricDataQueries = [],
            StartTime = TestWorld.Start.AddHours(-1),
            EndTime = TestWorld.Start,
        }),
        "ssm:GetParameter" => _world.Aws.Ssm.GetParameterAsync(new Amazon.SimpleSystemsManagement.Model.GetParameterRequest { Name = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id" }),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };
}
