namespace OutpostServerless.StateMachine.Intrinsics;

/// <summary>
/// java.util.Random's linear congruential generator. Step Functions runs on Java, and a seeded
/// States.MathRandom must give the numbers AWS gives for the same seed.
/// </summary>
internal sealed class JavaRandom(long seed)
{
    private const long Multiplier = 0x5DEECE66DL;
    private const long Mask = (1L << 48) - 1;

    private long _seed = (seed ^ Multiplier) & Mask;

    /// <summary>Uniform in [0, bound), exactly as Java's nextInt(bound).</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        if ((bound & -bound) == bound)
        {
            return (int)((bound * (long)Next(31)) >> 31);
        }

        int bits;
        int value;
        do
        {
            bits = Next(31);
            value = bits % bound;
        }
        while (unchecked(bits - value + (bound - 1)) < 0);

        return value;
    }

    public double NextDouble() => (((long)Next(26) << 27) + Next(27)) * (1.0 / (1L << 53));

    private int Next(int bits)
    {
        _seed = unchecked((_seed * Multiplier) + 0xBL) & Mask;
        return (int)((ulong)_seed >> (48 - bits));
    }
}
