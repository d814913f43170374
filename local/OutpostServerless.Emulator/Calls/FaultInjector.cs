namespace OutpostServerless.Emulator.Calls;

/// <summary>
/// Decides which fault, if any, hits a call: the first queued fault whose operations match and whose
/// skips are used up, else the first random rule whose draw hits. Every matching queued fault counts
/// the call against its skips. Runs under the world's lock.
/// </summary>
internal sealed class FaultInjector(List<InjectedFault> queued)
{
    private readonly List<RandomFaults> _random = [];

    public int QueuedCount => queued.Count;

    public void Queue(InjectedFault fault)
    {
        OperationPattern.Require(fault.Operation, "operations");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fault.Remaining, "times");
        ArgumentOutOfRangeException.ThrowIfNegative(fault.Skip, "skip");
        queued.Add(fault);
    }

    public void AddRandom(RandomFaults rule)
    {
        rule.Validate();
        _random.Add(rule);
    }

    public void ClearQueued() => queued.Clear();

    /// <summary>Removes a queued fault; false when it was already used up.</summary>
    public bool Withdraw(InjectedFault fault) => queued.Remove(fault);

    public void ClearRandom() => _random.Clear();

    /// <summary>The fault for call <paramref name="sequence"/> of <paramref name="operation"/>, consuming one use of it.</summary>
    public InjectedFault? Next(string operation, long sequence)
    {
        // Every matching fault counts the call; the first whose skips were already used up hits it.
        InjectedFault? hit = null;
        foreach (var fault in queued.Where(f => OperationPattern.Matches(f.Operation, operation)).ToList())
        {
            if (fault.Skip > 0)
            {
                fault.Skip--;
            }
            else
            {
                hit ??= fault;
            }
        }

        if (hit is not null)
        {
            hit.Remaining--;
            if (hit.Remaining <= 0)
            {
                queued.Remove(hit);
            }

            return hit;
        }

        foreach (var rule in _random)
        {
            if (rule.Draw(sequence, operation) is { } kind)
            {
                return new InjectedFault
                {
                    Operation = operation,
                    Kind = kind,
                    Remaining = 1,
                    HoldSeconds = (int)rule.CapacityHold.TotalSeconds,
                };
            }
        }

        return null;
    }
}
