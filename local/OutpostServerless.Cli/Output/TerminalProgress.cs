using Spectre.Console;

namespace OutpostServerless.Cli.Output;

/// <summary>
/// A Spectre progress bar over long work, on a terminal only: with <c>--json</c> (no console) or output redirected to
/// a file or pipe the work runs with no progress sink and nothing extra is printed. The work itself reports how many
/// of its <c>total</c> units are done (runs, sequences, executions), so the bar moves with the real work.
/// </summary>
public static class TerminalProgress
{
    public static async Task<T> RunAsync<T>(IAnsiConsole? console, string description, int total, Func<Action<int>?, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (console is null || !console.Profile.Capabilities.Interactive)
        {
            return await work(null);
        }

        var result = default(T);
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: total);
                result = await work(done => task.Value = done);
                task.Value = total;
            });
        return result!;
    }
}
