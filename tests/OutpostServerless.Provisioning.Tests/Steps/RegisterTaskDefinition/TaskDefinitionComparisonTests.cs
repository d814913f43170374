using System.Text.Json.Nodes;
using OutpostServerless.Provisioning.Steps;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

public sealed class TaskDefinitionComparisonTests
{
    private static JsonNode Parse(string json) => JsonNode.Parse(json)!;

    [Fact]
    public void Ecs_defaults_echoed_back_still_match_what_was_asked()
    {
        var asked = Parse("""[{"name":"web","image":"nginx","memory":256,"portMappings":[{"containerPort":80}]}]""");
        var echoed = Parse("""[{"name":"web","image":"nginx","memory":256,"cpu":0,"essential":true,"environment":[],"mountPoints":[],"volumesFrom":[],"portMappings":[{"containerPort":80,"hostPort":80,"protocol":"tcp"}]}]""");

        Assert.True(TaskDefinitionComparison.Covers(asked, echoed));
    }

    [Fact]
    public void A_changed_value_does_not_match()
    {
        var asked = Parse("""[{"name":"web","image":"nginx:1.27"}]""");
        var registered = Parse("""[{"name":"web","image":"nginx:1.26"}]""");

        Assert.False(TaskDefinitionComparison.Covers(asked, registered));
    }

    [Fact]
    public void A_setting_the_plan_dropped_does_not_match()
    {
        var asked = Parse("""[{"name":"web","image":"nginx"}]""");
        var registered = Parse("""[{"name":"web","image":"nginx","environment":[{"name":"MODE","value":"debug"}]}]""");

        Assert.False(TaskDefinitionComparison.Covers(asked, registered));
    }

    [Fact]
    public void A_non_default_essential_flag_the_plan_dropped_does_not_match()
    {
        var asked = Parse("""[{"name":"web","image":"nginx"}]""");
        var registered = Parse("""[{"name":"web","image":"nginx","essential":false}]""");

        Assert.False(TaskDefinitionComparison.Covers(asked, registered));
    }
}
