using Xunit;
using static OutpostServerless.Emulator.Tests.Wire.CliJson;

namespace OutpostServerless.Emulator.Tests.Wire;

/// <summary>Every ECS operation the ports declare, driven by the real AWS CLI (v1 and v2) over awsJson1_1.</summary>
public sealed class AwsCliEcsTests
{
    private const string Cluster = "outpost-cluster";

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task Cluster_container_instances_tasks_and_services_run_through_the_cli(AwsCliVersion version)
    {
        await using var session = await CliSession.StartAsync(version);
        var (aws, world) = (session.Aws, session.World);
        var created = (await aws.JsonAsync("ecs", "create-cluster", "--cluster-name", Cluster, "--tags", "key=team,value=platform"))["cluster"]!;
        Assert.Equal("ACTIVE", Text(created["status"]));
        var clusterArn = Text(created["clusterArn"]);
        Assert.EndsWith(":cluster/" + Cluster, clusterArn, StringComparison.Ordinal);
        var clusters = await aws.JsonAsync("ecs", "describe-clusters", "--clusters", Cluster, "--include", "TAGS");
        Assert.Equal("platform", Text(clusters["clusters"]![0]!["tags"]![0]!["value"]));
        Assert.Empty(clusters["failures"]!.AsArray());

        var subnet = await world.OutpostSubnetAsync(await world.VpcAsync());
        var launch = await world.LaunchAsync(subnet, userData: TestWorld.UserData(Cluster), profile: await world.EcsInstanceProfileAsync());
        world.Advance(TimeSpan.FromSeconds(60));
        var listed = await aws.JsonAsync("ecs", "list-container-instances", "--cluster", Cluster);
        var containerInstanceArn = Text(Assert.Single(listed["containerInstanceArns"]!.AsArray()));
        var instances = await aws.JsonAsync("ecs", "describe-container-instances", "--cluster", Cluster, "--container-instances", containerInstanceArn);
        Assert.Equal(launch.Reservation.Instances[0].InstanceId, Text(instances["containerInstances"]![0]!["ec2InstanceId"]));
        Assert.True(instances["containerInstances"]![0]!["agentConnected"]!.GetValue<bool>());

        var registered = (await aws.JsonAsync("ecs", "register-task-definition", "--family", "outpost-app", "--container-definitions", """[{"name":"app","image":"nginx:latest","memory":256}]"""))["taskDefinition"]!;
        Assert.Equal(1, registered["revision"]!.GetValue<int>());
        var definition = (await aws.JsonAsync("ecs", "describe-task-definition", "--task-definition", "outpost-app"))["taskDefinition"]!;
        Assert.Equal(Text(registered["taskDefinitionArn"]), Text(definition["taskDefinitionArn"]));
        Assert.Equal("nginx:latest", Text(definition["containerDefinitions"]![0]!["image"]));

        var ran = await aws.JsonAsync("ecs", "run-task", "--cluster", Cluster, "--task-definition", "outpost-app", "--launch-type", "EC2", "--started-by", "wire-test");
        var taskArn = Text(ran["tasks"]![0]!["taskArn"]);
        Assert.Equal(containerInstanceArn, Text(ran["tasks"]![0]!["containerInstanceArn"]));
        var tasks = await aws.JsonAsync("ecs", "list-tasks", "--cluster", Cluster, "--started-by", "wire-test");
        Assert.Equal([taskArn], tasks["taskArns"]!.AsArray().Select(Text));
        world.Advance(TimeSpan.FromSeconds(15));
        var running = await aws.JsonAsync("ecs", "describe-tasks", "--cluster", Cluster, "--tasks", taskArn);
        Assert.Equal("RUNNING", Text(running["tasks"]![0]!["lastStatus"]));
        var stopped = (await aws.JsonAsync("ecs", "stop-task", "--cluster", Cluster, "--task", taskArn, "--reason", "done"))["task"]!;
        Assert.Equal("STOPPED", Text(stopped["desiredStatus"]));

        var service = (await aws.JsonAsync("ecs", "create-service", "--cluster", Cluster, "--service-name", "web", "--task-definition", "outpost-app", "--desired-count", "1", "--launch-type", "EC2"))["service"]!;
        Assert.Equal("ACTIVE", Text(service["status"]));
        var services = await aws.JsonAsync("ecs", "describe-services", "--cluster", Cluster, "--services", "web");
        Assert.Equal(1, services["services"]![0]!["desiredCount"]!.GetValue<int>());
        var updated = (await aws.JsonAsync("ecs", "update-service", "--cluster", Cluster, "--service", "web", "--desired-count", "0"))["service"]!;
        Assert.Equal(0, updated["desiredCount"]!.GetValue<int>());
        var deletedService = (await aws.JsonAsync("ecs", "delete-service", "--cluster", Cluster, "--service", "web", "--force"))["service"]!;
        Assert.Equal("web", Text(deletedService["serviceName"]));

        var deregistered = (await aws.JsonAsync("ecs", "deregister-container-instance", "--cluster", Cluster, "--container-instance", containerInstanceArn, "--force"))["containerInstance"]!;
        Assert.Equal(containerInstanceArn, Text(deregistered["containerInstanceArn"]));
        var inactive = (await aws.JsonAsync("ecs", "deregister-task-definition", "--task-definition", "outpost-app:1"))["taskDefinition"]!;
        Assert.Equal("INACTIVE", Text(inactive["status"]));
        world.Advance(TimeSpan.FromMinutes(5));
        var deletedCluster = (await aws.JsonAsync("ecs", "delete-cluster", "--cluster", Cluster))["cluster"]!;
        Assert.Equal("INACTIVE", Text(deletedCluster["status"]));
        Assert.Equal(1, world.Cloud.Calls.Count("ecs:DeleteCluster"));
    }
}
