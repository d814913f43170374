using System.Text.Json.Nodes;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tests.World;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

public sealed class TaskDefinitionRequestTests
{
    [Theory]
    [InlineData("""{"cpu":256,"memory":512}""")]
    [InlineData("""{"cpu":"256","memory":"512"}""")]
    public void Cpu_and_memory_reach_ecs_as_strings_whether_the_request_wrote_numbers_or_strings(string json)
    {
        var definition = JsonNode.Parse(json)!.AsObject();
        definition["containerDefinitions"] = new JsonArray();
        var workload = TestPlans.Default().Workload with { TaskDefinition = definition };

        var request = TaskDefinitionRequest.From(workload, []);

        Assert.Equal(("256", "512"), (request.Cpu, request.Memory));
    }

    [Fact]
    public void Requires_ec2_compatibility_when_the_definition_names_none()
    {
        var workload = TestPlans.Default().Workload with { TaskDefinition = new JsonObject { ["containerDefinitions"] = new JsonArray() } };

        Assert.Equal(["EC2"], TaskDefinitionRequest.From(workload, []).RequiresCompatibilities);
    }
}
