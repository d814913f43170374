using System.Text;
using System.Text.Json;
using OutpostServerless.Provisioning.Steps;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

public sealed class ContainerInstanceUserDataTests
{
    private static readonly Dictionary<string, string> OutpostTag = new() { ["environment"] = "Outpost" };

    [Fact]
    public void Script_appends_the_agent_settings_to_ecs_config_in_a_quoted_here_document()
    {
        var script = ContainerInstanceUserData.Script("MyCluster", "prefer-cached", OutpostTag);

        Assert.Equal(
            "#!/bin/bash\n"
            + "cat <<'EOF' >> /etc/ecs/ecs.config\n"
            + "ECS_CLUSTER=MyCluster\n"
            + "ECS_IMAGE_PULL_BEHAVIOR=prefer-cached\n"
            + "ECS_CONTAINER_INSTANCE_TAGS={\"environment\":\"Outpost\"}\n"
            + "EOF\n",
            script);
    }

    [Fact]
    public void Script_uses_only_straight_ascii_quotes()
    {
        var script = ContainerInstanceUserData.Script("MyCluster", "prefer-cached", OutpostTag);

        Assert.DoesNotContain(script, c => c is '\u2018' or '\u2019' or '\u201C' or '\u201D');
        Assert.All(script, c => Assert.True(c < 128, $"non-ASCII character U+{(int)c:X4} in the user data"));
    }

    [Fact]
    public void Container_instance_tags_are_valid_json_that_round_trips_quotes_and_unicode()
    {
        var tags = new Dictionary<string, string>
        {
            ["team"] = "say \"hi\"",
            ["site"] = "Zürich – Ω",
            ["multi"] = "line1\nline2",
        };

        var json = ContainerInstanceUserData.TagsJson(tags);
        var parsed = JsonSerializer.Deserialize<Dictionary<string, string>>(json);

        Assert.Equal(tags, parsed);
        Assert.All(json, c => Assert.True(c is >= ' ' and < (char)127, $"character U+{(int)c:X4} is not escaped"));
    }

    [Fact]
    public void Tags_json_line_stays_on_one_line_so_it_cannot_end_the_here_document()
    {
        var script = ContainerInstanceUserData.Script("c", "prefer-cached", new Dictionary<string, string> { ["x"] = "a\nEOF\nrm -rf /" });

        var lines = script.Split('\n');
        Assert.Single(lines, l => l == "EOF");
        Assert.StartsWith("ECS_CONTAINER_INSTANCE_TAGS=", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_json_is_the_same_whatever_order_the_tags_come_in()
    {
        var forward = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" };
        var backward = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" };

        Assert.Equal(ContainerInstanceUserData.TagsJson(forward), ContainerInstanceUserData.TagsJson(backward));
    }

    [Fact]
    public void Base64_decodes_to_the_script()
    {
        var encoded = ContainerInstanceUserData.Base64("MyCluster", "always", OutpostTag);

        Assert.Equal(
            ContainerInstanceUserData.Script("MyCluster", "always", OutpostTag),
            Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
    }
}
