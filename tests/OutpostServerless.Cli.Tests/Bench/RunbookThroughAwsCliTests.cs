using OutpostServerless.Aws.Ecs;
using OutpostServerless.Cli.Bench;
using OutpostServerless.Cli.Bench.Runbook;
using OutpostServerless.Local.Workflow;
using OutpostServerless.Emulator.Tests.Wire;
using OutpostServerless.Emulator.Wire;

namespace OutpostServerless.Cli.Tests.Bench;

/// <summary>The checked-in runbook, command by command through the real AWS CLI v2, against the emulated world <c>run</c> uses, served over HTTP.</summary>
public sealed class RunbookThroughAwsCliTests
{
    [Fact]
    public async Task The_runbook_through_the_aws_cli_v2_leaves_a_stable_service_on_container_instances_that_prefer_cached_images()
    {
        using var aws = await AwsCli.RequireAsync(AwsCliVersion.V2);
        var cancellationToken = TestContext.Current.CancellationToken;
        var runbook = RunbookFile.Load(Path.Combine(RepositoryFiles.Root, RunbookFile.DefaultRelativePath));
        var (cloud, clock) = LocalWorkflow.NewWorld();
        await using var server = await EmulatorServer.StartAsync(cloud, EmulatorServerOptions.Default, cancellationToken);

        var round = await new RunbookRunner(runbook, new AwsCliProcess(aws.Executable, server.BaseUrl, cloud.Options.Region), clock.Advance).RunAsync(cancellationToken);

        Assert.True(round.Commands >= runbook.Steps.Count(s => s.Aws is not null), $"{round.Commands} commands ran");
        Assert.True(round.Waited >= TimeSpan.FromSeconds(15), $"waited {round.Waited} of virtual time");
        var service = Assert.Single((await cloud.Ports.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = "storefront", Services = ["storefront-web"] }, cancellationToken)).Services);
        Assert.Equal((2, 2), (service.DesiredCount, service.RunningCount));
        var arns = (await cloud.Ports.Ecs.ListContainerInstancesAsync(new ListContainerInstancesRequest { Cluster = "storefront" }, cancellationToken)).ContainerInstanceArns;
        var instances = (await cloud.Ports.Ecs.DescribeContainerInstancesAsync(new DescribeContainerInstancesRequest { Cluster = "storefront", ContainerInstances = arns }, cancellationToken)).ContainerInstances;
        Assert.Equal(2, instances.Count);
        Assert.All(instances, i => Assert.Equal("prefer-cached", cloud.AgentConfiguration(i.Ec2InstanceId)?.ImagePullBehavior));
    }
}
