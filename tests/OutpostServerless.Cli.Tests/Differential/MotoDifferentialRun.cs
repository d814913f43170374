using System.Collections.Concurrent;
using System.Text;
using OutpostServerless.Testing.Moto;
using OutpostServerless.Testing.Tools;

namespace OutpostServerless.Cli.Tests.Differential;

/// <summary>
/// Runs the whole corpus through moto once, before the comparisons: one moto_server (5.2.1) for the class with its
/// Step Functions interpreter switched on, each execution in turn (see <see cref="MotoStepFunctions.RunAsync"/>),
/// the server killed as soon as all are done. Without moto_server there are no outcomes, and asking for one
/// skips the test (fails it under CI).
/// </summary>
public sealed class MotoDifferentialRun : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, EngineOutcome> _outcomes = new(StringComparer.Ordinal);

    internal EngineOutcome OutcomeOf(string id)
    {
        if (!MotoServer.IsInstalled)
        {
            MissingTool.Stop($"{MotoServer.MissingReason} The differential suite compares our engine with moto's ASL interpreter.");
        }

        return _outcomes[id];
    }

    public async ValueTask InitializeAsync()
    {
        if (!MotoServer.IsInstalled)
        {
            return;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var server = await MotoServer.StartAsync(new Dictionary<string, string?>(), stop.Token);
        using var config = new StringContent("""{"stepfunctions":{"execute_state_machine":true}}""", Encoding.UTF8, "application/json");
        using var configured = await http.PostAsync(new Uri(server.Endpoint, "moto-api/config"), config, stop.Token);
        configured.EnsureSuccessStatusCode();
        var moto = new MotoStepFunctions(http, server.Endpoint);
        foreach (var run in DifferentialCorpus.Cases)
        {
            _outcomes[run.Id] = await moto.RunAsync(run.Definition, run.Input, stop.Token);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
