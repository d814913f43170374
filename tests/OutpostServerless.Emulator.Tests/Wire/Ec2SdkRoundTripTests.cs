using System.Text.Json;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using OutpostServerless.Emulator.Wire;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Wire;

/// <summary>
/// AWSSDK.EC2's own client, pointed at the server, reads back exactly what the in-process port
/// answers: the XML loses no member the world sets.
/// </summary>
public sealed class Ec2SdkRoundTripTests : IAsyncLifetime
{
    private readonly TestWorld _world = new();
    private EmulatorServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await EmulatorServer.StartAsync(_world.Cloud);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Described_instances_over_http_equal_the_in_process_answer()
    {
        using var client = Client();
        var vpc = await _world.VpcAsync(tags: new() { ["team"] = "platform" });
        var subnet = await _world.OutpostSubnetAsync(vpc);
        var group = await _world.SecurityGroupAsync(vpc);
        var profile = await _world.EcsInstanceProfileAsync();
        await client.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = TestWorld.EcsAmi,
            InstanceType = InstanceType.C5Large,
            MinCount = 2,
            MaxCount = 2,
            SubnetId = subnet,
            SecurityGroupIds = [group],
            IamInstanceProfile = new IamInstanceProfileSpecification { Name = profile },
            UserData = TestWorld.UserData("outpost-cluster"),
            ClientToken = "sdk-launch",
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("Name", "ecs")] }],
        });
        _world.Advance(TimeSpan.FromSeconds(20));

        var overHttp = await client.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter("tag:Name", ["ecs"])] });
        var inProcess = await _world.Aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter("tag:Name", ["ecs"])] });

        Assert.Equal(2, inProcess.Reservations.Single().Instances.Count);
        Assert.Contains("\"ClientToken\": \"sdk-launch\"", Snapshot(overHttp.Reservations), StringComparison.Ordinal);
        Assert.Equal(Snapshot(inProcess.Reservations), Snapshot(overHttp.Reservations));
    }

    [Fact]
    public async Task Described_networks_over_http_equal_the_in_process_answer()
    {
        using var client = Client();
        var vpc = await _world.VpcAsync(tags: new() { ["team"] = "platform" });
        await _world.OutpostSubnetAsync(vpc, tags: new() { ["tier"] = "outpost" });
        var group = await _world.SecurityGroupAsync(vpc);
        await client.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8", Description = "https" }] }],
        });

        Assert.Equal(Snapshot((await _world.Aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs), Snapshot((await client.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs));
        Assert.Equal(Snapshot((await _world.Aws.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets), Snapshot((await client.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets));
        var groups = new DescribeSecurityGroupsRequest { GroupIds = [group] };
        Assert.Equal(Snapshot((await _world.Aws.Ec2.DescribeSecurityGroupsAsync(groups)).SecurityGroups), Snapshot((await client.DescribeSecurityGroupsAsync(groups)).SecurityGroups));
    }

    [Fact]
    public async Task An_ec2_error_reaches_the_sdk_as_AmazonEC2Exception_with_its_code()
    {
        using var client = Client();
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => client.DeleteVpcAsync(new DeleteVpcRequest { VpcId = "vpc-0123456789abcdef0" }));

        Assert.Equal("InvalidVpcID.NotFound", error.ErrorCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    private AmazonEC2Client Client() => new(new BasicAWSCredentials("test", "test"), new AmazonEC2Config
    {
        ServiceURL = _server.BaseUrl.ToString(),
        AuthenticationRegion = "us-west-2",
        MaxErrorRetry = 0,
    });

    // The SDK's model objects compared by value: every public member, nested, as JSON.
    private static string Snapshot<T>(T value) => JsonSerializer.Serialize(value, SnapshotOptions);

    private static readonly JsonSerializerOptions SnapshotOptions = new() { WriteIndented = true };
}
