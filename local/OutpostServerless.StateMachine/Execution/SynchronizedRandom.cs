namespace OutpostServerless.StateMachine.Execution;

/// <summary>
/// The execution's random source, safe to share between branches that run concurrently in real-time
/// mode. On the virtual clock branches take turns, so a seeded run draws the same numbers every time.
/// </summary>
internal sealed class SynchronizedRandom(Random inner) : Random
{
    private readonly Lock _gate = new();

    public override int Next() => Draw(static r => r.Next());

    public override int Next(int maxValue) => Draw(r => r.Next(maxValue));

    public override int Next(int minValue, int maxValue) => Draw(r => r.Next(minValue, maxValue));

    public override long NextInt64() => Draw(static r => r.NextInt64());

    public override long NextInt64(long maxValue) => Draw(r => r.NextInt64(maxValue));

    public override long NextInt64(long minValue, long maxValue) => Draw(r => r.NextInt64(minValue, maxValue));

    public override double NextDouble() => Draw(static r => r.NextDouble());

    public override float NextSingle() => Draw(static r => r.NextSingle());

    public override void NextBytes(byte[] buffer) => Draw(r =>
    {
        r.NextBytes(buffer);
        return buffer;
    });

    public override void NextBytes(Span<byte> buffer)
    {
        // A span cannot be captured by the lambda Draw takes.
        lock (_gate)
        {
            inner.NextBytes(buffer);
        }
    }

    protected override double Sample() => NextDouble();

    private T Draw<T>(Func<Random, T> draw)
    {
        lock (_gate)
        {
            return draw(inner);
        }
    }
}
