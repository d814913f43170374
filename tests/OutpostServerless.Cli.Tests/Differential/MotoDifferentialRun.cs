using System.Collections.Concurrent;

namespace OutpostServerless.Cli.Tests.Differential;

/// <summary>
/// Runs the whole corpus through moto once, before the comparisons: one moto_server for the class, each
/// execution in turn (see <see cref="MotoStepFunctions.RunAsync"/>), the server killed as soon as all are done.
/// </summary>
public sealed class MotoDifferentialRun : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, EngineOutcome> _outcomes = new(StringComparer.Ordinal);

    /// <summary>Why moto could not be used (null when it ran).</summary>
    public string? Unavailable { get; private set; }

    internal EngineOutcome OutcomeOf(string id) => _outcomes[id];

    public async Task InitializeAsync()
    {
        var executable = MotoServer.FindExecutable();
        if (executable is null)
        {
            Unavailable = "moto_server (moto 5.2.1) is not on the PATH, so the differential suite against moto's ASL interpreter did not run.";
            return;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var server = await MotoServer.StartAsync(executable, http, stop.Token);
        var moto = new MotoStepFunctions(http, server.Endpoint);
        foreach (var run in DifferentialCorpus.Cases)
        {
            _outcomes[run.Id] = await moto.RunAsync(run.Definition, run.Input, stop.Token);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
