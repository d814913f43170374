using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Emulator;
using OutpostServerless.Local.Workflow;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.StateFiles;

/// <summary>
/// A <c>--state-file</c> in use by one command: held under an exclusive lock from open to dispose, read once
/// at open (so a file it cannot use is reported before anything runs), and written atomically.
/// </summary>
/// <remarks>
/// The shape is Terraform's local state lock: an OS lock (flock, which .NET takes for
/// <see cref="FileShare.None"/>) on a sidecar <c>F.lock</c> — not on <c>F</c> itself, which the atomic rename
/// replaces — released by the kernel even when the process dies, and who holds it in <c>F.lock.info</c>.
/// <c>F.lock</c> is left in place on release: deleting it would let a waiter lock an unlinked file while a
/// newcomer locks a fresh one.
/// </remarks>
public sealed class StateFile : IAsyncDisposable
{
    private const int HolderNameAttempts = 40;
    private static readonly TimeSpan HolderNamePause = TimeSpan.FromMilliseconds(50);

    private readonly FileStream lockStream;
    private readonly JsonObject? savedWorld;
    private readonly List<LocalExecutionRecord> executions;

    private StateFile(string path, FileStream lockStream, JsonObject? savedWorld, List<LocalExecutionRecord> executions)
    {
        Path = path;
        this.lockStream = lockStream;
        this.savedWorld = savedWorld;
        this.executions = executions;
    }

    public string Path { get; }

    public static string LockPath(string path) => path + ".lock";

    public static string HolderPath(string path) => path + ".lock.info";

    /// <summary>True when the file held a saved world (false: a new world starts here).</summary>
    public bool Exists => savedWorld is not null;

    /// <summary>Every execution a command recorded in this file, oldest first.</summary>
    public IReadOnlyList<LocalExecutionRecord> Executions => executions;

    /// <summary>
    /// Locks <paramref name="path"/> for <paramref name="command"/> and reads it. Throws
    /// <see cref="StateFileLockedException"/> at once when another command holds it, and
    /// <see cref="StateFileException"/> when it cannot be written or holds no saved world.
    /// </summary>
    public static async Task<StateFile> OpenAsync(string path, string command, CancellationToken cancellationToken)
    {
        path = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            throw new StateFileException(path, $"its directory {directory} does not exist. Fix: create it, or pass a --state-file in an existing directory");
        }

        if (Directory.Exists(path))
        {
            throw new StateFileException(path, "is a directory, so no world can be saved there. Fix: pass a file path, e.g. " + System.IO.Path.Combine(path, "world.json"));
        }

        FileStream lockStream;
        try
        {
            lockStream = new FileStream(LockPath(path), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (UnauthorizedAccessException denied)
        {
            throw new StateFileException(path, $"cannot create its lock {LockPath(path)} ({denied.Message}). Fix: make {directory} writable, or pass a --state-file elsewhere");
        }
        catch (IOException) when (File.Exists(LockPath(path)))
        {
            throw new StateFileLockedException(path, await HolderAsync(path, cancellationToken));
        }

        try
        {
            ProbeWritable(path, directory);
            await File.WriteAllTextAsync(HolderPath(path), Holder(command), cancellationToken);
            var (world, history) = File.Exists(path) ? Parse(path, await File.ReadAllTextAsync(path, cancellationToken)) : (null, []);
            return new StateFile(path, lockStream, world, history);
        }
        catch
        {
            await lockStream.DisposeAsync();
            throw;
        }
    }

    /// <summary>The saved world on a virtual clock that continues from the saved time (a new world at <see cref="LocalWorkflow.DefaultStart"/>).</summary>
    public (EmulatedCloud Cloud, VirtualClock Clock) LoadOnVirtualClock()
    {
        if (savedWorld is null)
        {
            return LocalWorkflow.NewWorld();
        }

        var text = savedWorld.ToJsonString();
        var clock = new VirtualClock(EmulatedCloud.SavedClockTime(text));
        return (EmulatedCloud.LoadState(text, clock), clock);
    }

    /// <summary>The saved world (or a new one) on <paramref name="clock"/>, e.g. real time for <c>emulator serve</c>.</summary>
    public EmulatedCloud Load(TimeProvider clock) =>
        savedWorld is null ? new EmulatedCloud(clock) : EmulatedCloud.LoadState(savedWorld.ToJsonString(), clock);

    /// <summary>Adds an execution to the file's history; written by the next <see cref="SaveAsync"/>.</summary>
    public void Record(LocalExecutionRecord execution) => executions.Add(execution);

    /// <summary>Writes the world and the history to a temporary file beside the state file, then renames it over it.</summary>
    public async Task SaveAsync(EmulatedCloud cloud, CancellationToken cancellationToken)
    {
        var document = new StateFileDocument
        {
            World = JsonNode.Parse(cloud.SaveState())!.AsObject(),
            Executions = [.. executions],
        };
        var temporary = TemporaryPath(Path);
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await JsonSerializer.SerializeAsync(stream, document, StateFileJsonContext.Default.StateFileDocument, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true); // the rename must not land before the bytes
            }

            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async ValueTask DisposeAsync()
    {
        File.Delete(HolderPath(Path));
        await lockStream.DisposeAsync();
    }

    private static (JsonObject? World, List<LocalExecutionRecord> History) Parse(string path, string text)
    {
        try
        {
            if (JsonNode.Parse(text) is not JsonObject root)
            {
                throw new JsonException("the file is not a JSON object");
            }

            // A file written before the history existed is the world alone.
            if (root["world"] is not JsonObject)
            {
                _ = EmulatedCloud.SavedClockTime(text); // proves it is a world
                return (root, []);
            }

            var document = root.Deserialize(StateFileJsonContext.Default.StateFileDocument)!;
            _ = EmulatedCloud.SavedClockTime(document.World.ToJsonString());
            return (document.World, [.. document.Executions]);
        }
        catch (Exception unusable) when (unusable is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new StateFileException(path, $"is not an emulated world saved by outpost-serverless: {unusable.Message}. Fix: pass another --state-file, or delete this one to start a new world");
        }
    }

    /// <summary>What a later save needs (a new file beside this one) must work now, not after the run.</summary>
    private static void ProbeWritable(string path, string directory)
    {
        var probe = TemporaryPath(path);
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
            }

            File.Delete(probe);
        }
        catch (Exception denied) when (denied is UnauthorizedAccessException or IOException)
        {
            throw new StateFileException(path, $"cannot be written: no new file can be made in {directory} ({denied.Message}). Fix: make the directory writable, or pass a --state-file elsewhere");
        }
    }

    private static string TemporaryPath(string path) =>
        $"{path}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.{Guid.NewGuid():N}.tmp";

    private static string Holder(string command)
    {
        return $"process {Environment.ProcessId.ToString(CultureInfo.InvariantCulture)} (outpost-serverless {command}) on {Environment.MachineName}, since {DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ}";
    }

    /// <summary>
    /// Who holds the lock. A holder writes its name just after it takes the lock, so a command that lost a race
    /// by a few milliseconds waits briefly for the name rather than report an anonymous holder.
    /// </summary>
    private static async Task<string> HolderAsync(string path, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < HolderNameAttempts; attempt++)
        {
            try
            {
                var holder = (await File.ReadAllTextAsync(HolderPath(path), cancellationToken)).Trim();
                if (holder.Length > 0)
                {
                    return holder;
                }
            }
            catch (Exception unknown) when (unknown is IOException or UnauthorizedAccessException)
            {
            }

            await Task.Delay(HolderNamePause, cancellationToken);
        }

        return "another process (it has not said who yet)";
    }
}
