using Spectre.Console;

namespace OutpostServerless.Cli.Chaos.Lifecycle;

/// <summary>Runs the sequences with a Spectre progress bar on a terminal; quiet when there is no console (--json) or it is not interactive.</summary>
public static class LifecycleProgress
{
    public static async Task<LifecycleReport> RunAsync(LifecycleRunner runner, ChaosSettings settings, IAnsiConsole? console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(settings);
        if (console is null || !console.Profile.Capabilities.Interactive)
        {
            return await runner.RunAsync(settings, progress: null, cancellationToken);
        }

        LifecycleReport? report = null;
        await console.Progress().StartAsync(async context =>
        {
            var task = context.AddTask("lifecycle sequences", maxValue: settings.Runs);
            report = await runner.RunAsync(settings, finished => task.Value = finished, cancellationToken);
        });
        return report!;
    }
}
