using OutpostServerless.Cli.Tests.Local;
using OutpostServerless.Local.StateFiles;
using OutpostServerless.Local.Workflow;

namespace OutpostServerless.Cli.Tests.StateFiles;

/// <summary>A --state-file is locked while used, written atomically, and refused before a run when it cannot be used.</summary>
public sealed class StateFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("state-file-").FullName;

    private string Path => System.IO.Path.Combine(directory, "world.json");

    [Fact]
    public async Task A_second_open_of_a_held_state_file_is_refused_with_its_holder_until_the_first_is_released()
    {
        var first = await StateFile.OpenAsync(Path, "run", CancellationToken.None);

        var refused = await Assert.ThrowsAsync<StateFileLockedException>(() => StateFile.OpenAsync(Path, "teardown", CancellationToken.None));
        Assert.Contains(Path, refused.Message, StringComparison.Ordinal);
        Assert.Contains($"process {Environment.ProcessId} (outpost-serverless run)", refused.Message, StringComparison.Ordinal);

        await first.DisposeAsync();
        await using var second = await StateFile.OpenAsync(Path, "teardown", CancellationToken.None);
        Assert.False(second.Exists);
    }

    [Fact]
    public async Task A_save_replaces_the_file_whole_through_a_temporary_file_beside_it()
    {
        await using var file = await StateFile.OpenAsync(Path, "run", CancellationToken.None);
        var (cloud, _) = file.LoadOnVirtualClock();
        await File.WriteAllTextAsync(Path, "an older world");

        await file.SaveAsync(cloud, CancellationToken.None);

        Assert.StartsWith("{", await File.ReadAllTextAsync(Path), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
    }

    [Fact]
    public async Task A_run_whose_state_file_directory_does_not_exist_is_refused_before_it_calls_anything()
    {
        var missing = System.IO.Path.Combine(directory, "no-such-directory", "world.json");

        var (exitCode, output, error) = await CliRun.WithTemplateAsync("run", RepositoryFiles.Example("batch-task.json"), "--state-file", missing, "--json");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains($"--state-file {missing}: its directory", error, StringComparison.Ordinal);
        Assert.Contains("Fix:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_whose_state_file_cannot_be_written_is_refused_before_it_calls_anything()
    {
        // A directory where the state file should be: nothing can be renamed over it.
        Directory.CreateDirectory(Path);

        var (exitCode, output, error) = await CliRun.WithTemplateAsync("run", RepositoryFiles.Example("batch-task.json"), "--state-file", Path, "--json");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains($"--state-file {Path}:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_world_saved_before_the_execution_history_existed_still_loads()
    {
        var (cloud, _) = LocalWorkflow.NewWorld();
        await File.WriteAllTextAsync(Path, cloud.SaveState());

        await using var file = await StateFile.OpenAsync(Path, "run", CancellationToken.None);

        Assert.True(file.Exists);
        Assert.Empty(file.Executions);
    }

    [Fact]
    public async Task A_run_records_its_execution_in_the_state_file_and_the_next_run_continues_the_same_world()
    {
        var first = await LocalRun.RunAsync(LocalRun.Example("batch-task.json"), stateFile: Path);
        var second = await LocalRun.RunAsync(LocalRun.Example("batch-task.json"), stateFile: Path);

        await using var file = await StateFile.OpenAsync(Path, "status", CancellationToken.None);
        Assert.Equal(("SUCCEEDED", "SUCCEEDED", 0), (first.Execution.Status, second.Execution.Status, second.MutatingCalls));
        Assert.Equal([first.MutatingCalls, 0], file.Executions.Select(e => e.MutatingCalls));
        Assert.All(file.Executions, e => Assert.Equal(("ProvisionStateMachine", first.ProvisioningId), (e.StateMachine, e.ProvisioningId)));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
