namespace OutpostServerless.StateMachine.Clock;

/// <summary>An execution on real (or any non-virtual) time: waits really wait and branches really run concurrently.</summary>
internal sealed class RealTimeline(TimeProvider provider) : Timeline(provider)
{
    public override Task<Strand> EnterAsync() => Task.FromResult<Strand>(new RealStrand(Provider));

    public override async Task<T[]> ForkJoinAsync<T>(Strand parent, int count, int maxConcurrency, Func<int, Strand, Task<T>> child)
    {
        var limit = maxConcurrency <= 0 ? Math.Max(count, 1) : maxConcurrency;
        using var gate = new SemaphoreSlim(limit);
        var children = Enumerable.Range(0, count).Select(async index =>
        {
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                return await child(index, new RealStrand(Provider)).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }).ToArray();
        return await Task.WhenAll(children).ConfigureAwait(false);
    }

    public override Task<T> WithinDeadline<T>(Task<T> work, CancellationToken deadline) => work.WaitAsync(deadline);

    private sealed class RealStrand(TimeProvider provider) : Strand
    {
        public override Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
            delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, provider, cancellationToken);

        public override async Task WaitForSignalAsync(Task signal, TimeSpan? limit, CancellationToken cancellationToken)
        {
            if (limit is { } after)
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var delay = after <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(after, provider, stop.Token);
                await Task.WhenAny(signal, delay).ConfigureAwait(false);
                await stop.CancelAsync().ConfigureAwait(false);
            }
            else
            {
                await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        public override void MakeCurrent()
        {
        }

        public override void Exit()
        {
        }
    }
}
