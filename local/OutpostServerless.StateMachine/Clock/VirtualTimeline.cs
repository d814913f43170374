using System.Runtime.ExceptionServices;

namespace OutpostServerless.StateMachine.Clock;

/// <summary>An execution on a <see cref="VirtualClock"/>: every line of work is a clock strand.</summary>
internal sealed class VirtualTimeline(VirtualClock clock) : Timeline(clock)
{
    public override async Task<Strand> EnterAsync()
    {
        var strand = await clock.StartStrandAsync().ConfigureAwait(false);
        return new VirtualStrand(strand);
    }

    public override async Task<T[]> ForkJoinAsync<T>(Strand parent, int count, int maxConcurrency, Func<int, Strand, Task<T>> child)
    {
        var results = new T[count];
        if (count == 0)
        {
            return results;
        }

        var failures = new ExceptionDispatchInfo?[count];
        var limit = maxConcurrency <= 0 ? count : Math.Min(maxConcurrency, count);

        // Only the strand holding the run token touches these, so they need no lock.
        var started = 0;
        var finished = 0;
        StrandWakeup? parentWakeup = null;

        async Task RunChild(int index)
        {
            var strand = await clock.StartStrandAsync().ConfigureAwait(false);
            clock.CurrentStrand = strand;
            try
            {
                results[index] = await child(index, new VirtualStrand(strand)).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                failures[index] = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                // Queue the next child or wake the parent *before* leaving, so the clock never sees a
                // moment with nobody ready and jumps ahead.
                finished++;
                if (started < count)
                {
                    StartNext();
                }
                else if (finished == count)
                {
                    clock.MakeReady(parentWakeup!);
                }

                clock.Exit(strand);
            }
        }

        void StartNext() => _ = RunChild(started++);

        for (var i = 0; i < limit; i++)
        {
            StartNext();
        }

        parentWakeup = clock.Park(((VirtualStrand)parent).Inner);
        await parentWakeup.Signal.ConfigureAwait(false);
        foreach (var failure in failures)
        {
            failure?.Throw();
        }

        return results;
    }

    public override Task<T> WithinDeadline<T>(Task<T> work, CancellationToken deadline) => work;

    public override IDisposable StartDeadline(TimeSpan after, Action onElapsed) => clock.StartDeadline(after, onElapsed);

    private sealed class VirtualStrand(ClockStrand inner) : Strand
    {
        public ClockStrand Inner { get; } = inner;

        public override Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
            Inner.Clock.DelayCore(Inner, delay, cancellationToken);

        public override Task WaitForSignalAsync(Task signal, TimeSpan? limit, CancellationToken cancellationToken) =>
            Inner.Clock.WaitForSignalCore(Inner, signal, limit, cancellationToken);

        public override void MakeCurrent() => Inner.Clock.CurrentStrand = Inner;

        public override void Exit() => Inner.Clock.Exit(Inner);
    }
}
