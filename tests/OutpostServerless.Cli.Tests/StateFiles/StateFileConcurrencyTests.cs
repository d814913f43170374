using System.Text.Json.Nodes;
using OutpostServerless.Cli.Tests.Local;

namespace OutpostServerless.Cli.Tests.StateFiles;

/// <summary>Two outpost-serverless processes on one --state-file: the second is refused at once, nothing is overwritten.</summary>
public sealed class StateFileConcurrencyTests : IDisposable
{
    private static readonly string[] RacingIds = ["race-a", "race-b", "race-c"];

    private readonly string directory = Directory.CreateTempSubdirectory("state-file-lock-").FullName;

    private string StateFile => Path.Combine(directory, "world.json");

    [Fact]
    public async Task A_run_on_a_state_file_another_process_holds_fails_at_once_naming_the_file_and_the_holder_and_changes_nothing()
    {
        await using var holder = await CliProcess.StartAndWaitForAsync("Serving until Ctrl+C.", "emulator", "serve", "--port", "0", "--state-file", StateFile);

        await using var second = CliProcess.Start("run", RepositoryFiles.Example("batch-task.json"), "--state-file", StateFile, "--json", "--template", RepositoryFiles.Template);
        var exitCode = await second.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains(StateFile, second.Error, StringComparison.Ordinal);
        Assert.Contains($"in use by process {holder.Id} (outpost-serverless emulator serve)", second.Error, StringComparison.Ordinal);
        Assert.Empty(second.Output);
        Assert.False(File.Exists(StateFile));

        Assert.Equal(0, await holder.TerminateAsync());
        Assert.True(File.Exists(StateFile));
        Assert.False(File.Exists(Path.Combine(directory, "world.json.lock.info")));
    }

    [Fact]
    public async Task Runs_racing_on_one_state_file_either_finish_with_their_world_saved_or_are_refused_so_no_run_is_silently_lost()
    {
        var requests = RacingIds.Select(id =>
        {
            var request = LocalRun.Example("batch-task.json");
            request["provisioningId"] = id;
            var path = Path.Combine(directory, id + ".json");
            File.WriteAllText(path, request.ToJsonString());
            return (Id: id, Path: path);
        }).ToList();

        var runs = requests.Select(r => (r.Id, Process: CliProcess.Start("run", r.Path, "--state-file", StateFile, "--json", "--template", RepositoryFiles.Template))).ToList();
        var outcomes = new List<(string Id, int ExitCode, string Error)>();
        foreach (var (id, process) in runs)
        {
            outcomes.Add((id, await process.WaitForExitAsync(TimeSpan.FromSeconds(120)), process.Error));
            await process.DisposeAsync();
        }

        Assert.All(outcomes, o => Assert.True(o.ExitCode == 0 || (o.ExitCode == 2 && o.Error.Contains("in use by process", StringComparison.Ordinal)), $"{o.Id}: exit {o.ExitCode} {o.Error}"));
        Assert.Contains(outcomes, o => o.ExitCode == 0);
        var saved = JsonNode.Parse(await File.ReadAllTextAsync(StateFile))!;
        var recorded = saved["executions"]!.AsArray().Select(e => e!["provisioningId"]!.GetValue<string>()).ToList();
        Assert.Equal(outcomes.Where(o => o.ExitCode == 0).Select(o => o.Id).Order(), recorded.Order());
        Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
