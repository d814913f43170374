using System.Runtime.InteropServices;

namespace OutpostServerless.Cli.Hosting;

/// <summary>How the serving commands run "until Ctrl+C": SIGINT and SIGTERM end the wait, not the process, so the command can still clean up (and save its world).</summary>
public static class Interruption
{
    /// <summary>Completes when the user interrupts (Ctrl+C), the process is asked to stop (SIGTERM), or <paramref name="cancellationToken"/> is cancelled.</summary>
    public static async Task WaitAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop(stop));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop(stop));
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Interrupted: the caller goes on to stop serving.
        }
    }

    private static Action<PosixSignalContext> Stop(CancellationTokenSource stop) => signal =>
    {
        signal.Cancel = true;
        stop.Cancel();
    };
}
