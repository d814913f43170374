using System.Text.Json.Nodes;

namespace OutpostServerless.Cli.Tests.Queue;

/// <summary><c>queue</c>: the capacity queue of a world's Outposts.</summary>
public sealed class QueueCommandTests
{
    [Fact]
    public async Task In_a_world_where_nobody_waits_the_queue_is_empty()
    {
        var (exitCode, output, _) = await CliRun.RunAsync("queue", "--json");
        var (textExit, text, _) = await CliRun.RunAsync("queue");

        Assert.Equal((0, 0), (exitCode, textExit));
        Assert.Empty(JsonNode.Parse(output)!.AsArray());
        Assert.Contains("Nobody waits for Outpost capacity.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Outpost_the_account_does_not_have_is_bad_input_naming_it()
    {
        var (exitCode, _, error) = await CliRun.RunAsync("queue", "--outpost", "op-00000000000000000");

        Assert.Equal(2, exitCode);
        Assert.Contains("op-00000000000000000", error, StringComparison.Ordinal);
    }
}
