using System.Text.Json.Nodes;
using OutpostServerless.Aws.Ecs;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Ecs;

public sealed class TaskDefinitionTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public async Task RegisterTaskDefinition_numbers_revisions_per_family()
    {
        var first = await _world.TaskDefinitionAsync("outpost-app");
        var second = await _world.TaskDefinitionAsync("outpost-app");
        var other = await _world.TaskDefinitionAsync("other-app");

        Assert.Equal("arn:aws:ecs:us-west-2:123456789012:task-definition/outpost-app:1", first);
        Assert.Equal("arn:aws:ecs:us-west-2:123456789012:task-definition/outpost-app:2", second);
        Assert.EndsWith("other-app:1", other, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("outpost-app", 2)]
    [InlineData("outpost-app:1", 1)]
    [InlineData("arn:aws:ecs:us-west-2:123456789012:task-definition/outpost-app:1", 1)]
    public async Task DescribeTaskDefinition_resolves_family_revision_or_ARN(string reference, int expectedRevision)
    {
        await _world.TaskDefinitionAsync("outpost-app");
        await _world.TaskDefinitionAsync("outpost-app");

        var response = await _world.Aws.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = reference });

        Assert.Equal(expectedRevision, response.TaskDefinition.Revision);
    }

    [Fact]
    public async Task DescribeTaskDefinition_by_family_skips_deregistered_revisions()
    {
        await _world.TaskDefinitionAsync("outpost-app");
        await _world.TaskDefinitionAsync("outpost-app");
        await _world.Aws.Ecs.DeregisterTaskDefinitionAsync(new DeregisterTaskDefinitionRequest("outpost-app:2"));

        var response = await _world.Aws.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = "outpost-app" });

        Assert.Equal(1, response.TaskDefinition.Revision);
    }

    [Fact]
    public async Task DescribeTaskDefinition_of_an_unknown_family_fails_ClientException() =>
        await AwsAssert.ServiceErrorAsync(EcsErrorCodes.ClientException,
            () => _world.Aws.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = "nope" }));

    [Fact]
    public async Task RegisterTaskDefinition_for_EC2_without_any_memory_setting_fails_ClientException() =>
        await AwsAssert.ServiceErrorAsync(EcsErrorCodes.ClientException, () => _world.Aws.Ecs.RegisterTaskDefinitionAsync(new RegisterTaskDefinitionRequest
        {
            Family = "outpost-app",
            ContainerDefinitions = [new JsonObject { ["name"] = "app", ["image"] = "nginx" }],
        }));

    [Fact]
    public async Task RegisterTaskDefinition_keeps_the_container_definitions_as_given()
    {
        var container = new JsonObject { ["name"] = "app", ["image"] = "nginx", ["memory"] = 256, ["essential"] = true };

        var response = await _world.Aws.Ecs.RegisterTaskDefinitionAsync(new RegisterTaskDefinitionRequest { Family = "outpost-app", ContainerDefinitions = [container] });

        Assert.True(JsonNode.DeepEquals(new JsonArray(container.DeepClone()), response.TaskDefinition.ContainerDefinitions));
    }
}
