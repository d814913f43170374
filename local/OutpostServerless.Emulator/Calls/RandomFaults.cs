namespace OutpostServerless.Emulator.Calls;

/// <summary>
/// Seeded random faults: every call matching <see cref="Operations"/> (an operation, <c>service:*</c> or
/// <c>*</c>) is hit with probability <see cref="Rate"/> by one of <see cref="Kinds"/>. Each draw depends
/// only on the seed, the call's sequence number and its operation, so the same calls in the same order
/// meet the same faults, run after run.
/// </summary>
public sealed record RandomFaults(long Seed, double Rate, IReadOnlyList<FaultKind> Kinds, string Operations = OperationPattern.All)
{
    /// <summary>How long the slots of a <see cref="FaultKind.CapacityTaken"/> fault stay taken.</summary>
    public TimeSpan CapacityHold { get; init; } = TimeSpan.FromMinutes(10);

    internal void Validate()
    {
        OperationPattern.Require(Operations, nameof(Operations));
        if (Rate is < 0 or > 1 || double.IsNaN(Rate))
        {
            throw new ArgumentOutOfRangeException(nameof(Rate), Rate, "A fault rate is a probability, from 0 to 1.");
        }

        if (Kinds.Count == 0 || Kinds.Contains(FaultKind.Error))
        {
            throw new ArgumentException("Random faults need at least one kind, and not Error (which needs an AWS code: queue it).", nameof(Kinds));
        }
    }

    /// <summary>The fault this rule puts on call <paramref name="sequence"/>, if any.</summary>
    internal FaultKind? Draw(long sequence, string operation)
    {
        if (!OperationPattern.Matches(Operations, operation))
        {
            return null;
        }

        var bits = Mix((ulong)Seed ^ Mix((ulong)sequence) ^ Fnv(operation));
        var unit = (bits >> 11) * (1.0 / (1UL << 53));
        return unit < Rate ? Kinds[(int)(Mix(bits) % (ulong)Kinds.Count)] : null;
    }

    // SplitMix64's finalizer: a fixed, well-mixed function of its input (no state to save or share).
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    // string.GetHashCode is randomized per process; FNV-1a is the same everywhere.
    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
