using OutpostServerless.Emulator.Ecs;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Ecs;

public sealed class EcsAgentConfigTests
{
    [Fact]
    public void The_runbook_heredoc_with_straight_quotes_configures_cluster_pull_behavior_and_tags()
    {
        var (config, problem) = EcsAgentConfig.FromUserData(TestWorld.UserData("MyCluster", """{"environment": "Outpost"}"""));

        Assert.Null(problem);
        Assert.Equal("MyCluster", config!.Cluster);
        Assert.Equal("prefer-cached", config.ImagePullBehavior);
        Assert.Equal("Outpost", config.ContainerInstanceTags["environment"]);
    }

    [Fact]
    public void Echo_lines_appended_to_ecs_config_are_read()
    {
        var (config, _) = EcsAgentConfig.FromUserData(TestWorld.Base64("#!/bin/bash\necho \"ECS_CLUSTER=EchoCluster\" >> /etc/ecs/ecs.config\n"));

        Assert.Equal("EchoCluster", config!.Cluster);
    }

    [Fact]
    public void A_heredoc_delimiter_in_typographic_quotes_runs_to_the_end_of_the_script_as_bash_does()
    {
        var script = "#!/bin/bash\ncat << \u2018EOF\u2019 >> /etc/ecs/ecs.config\nECS_CLUSTER=MyCluster\nEOF\necho done\n";

        var (config, _) = EcsAgentConfig.FromUserData(TestWorld.Base64(script));

        Assert.Equal("MyCluster", config!.Cluster);
        Assert.Equal(["ECS_CLUSTER"], config.Variables.Keys);
    }

    [Theory]
    [InlineData("{\u201cenvironment\u201d: \u201dOutpost\u201d}")]
    [InlineData("""["environment"]""")]
    [InlineData("""{"count": 1}""")]
    public void Container_instance_tags_that_are_not_a_JSON_map_of_strings_stop_the_agent(string tags)
    {
        var (config, problem) = EcsAgentConfig.FromUserData(TestWorld.UserData("MyCluster", tags));

        Assert.Null(config);
        Assert.NotNull(problem);
    }

    [Fact]
    public void Without_ECS_CLUSTER_the_agent_joins_the_default_cluster()
    {
        var (config, _) = EcsAgentConfig.FromUserData(TestWorld.Base64("#!/bin/bash\nyum update -y\n"));

        Assert.Equal("default", config!.Cluster);
    }
}
