using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator.Calls;

/// <summary>
/// <see cref="EmulatedCloud.Faults"/>: faults to inject into the emulated services' calls, deterministic
/// (queued: "the next n calls of X") or seeded-random ("20 % of all calls"). Operations are named
/// <c>service:Operation</c> (<c>ec2:RunInstances</c>), <c>service:*</c> or <c>*</c>.
/// </summary>
public sealed class FaultInjection
{
    private readonly EmulatedRegion _region;

    internal FaultInjection(EmulatedRegion region) => _region = region;

    /// <summary>Faults queued and not yet used.</summary>
    public int QueuedCount => _region.Locked(() => _region.Faults.QueuedCount);

    /// <summary>
    /// After <paramref name="skip"/> matching calls pass untouched, the next <paramref name="times"/> calls
    /// matching <paramref name="operations"/> are hit by <paramref name="kind"/>.
    /// </summary>
    /// <param name="capacityHold">For <see cref="FaultKind.CapacityTaken"/>: how long the slots stay taken (default 10 minutes).</param>
    /// <returns>A handle to withdraw the fault if it has not been used up.</returns>
    public QueuedFault Queue(string operations, FaultKind kind, int times = 1, int skip = 0, TimeSpan? capacityHold = null)
    {
        if (kind == FaultKind.Error)
        {
            throw new ArgumentException("An Error fault needs its AWS code: use QueueError.", nameof(kind));
        }

        return Add(new InjectedFault
        {
            Operation = operations,
            Kind = kind,
            Remaining = times,
            Skip = skip,
            HoldSeconds = (int)(capacityHold ?? TimeSpan.FromMinutes(10)).TotalSeconds,
        });
    }

    /// <summary>The next <paramref name="times"/> matching calls (after <paramref name="skip"/>) fail with this AWS error and change nothing.</summary>
    /// <returns>A handle to withdraw the fault if it has not been used up.</returns>
    public QueuedFault QueueError(string operations, string errorCode, string message, int times = 1, int skip = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorCode);
        return Add(new InjectedFault
        {
            Operation = operations,
            Kind = FaultKind.Error,
            ErrorCode = errorCode,
            Message = message,
            Remaining = times,
            Skip = skip,
        });
    }

    /// <summary>From now on, calls are also hit at random as <paramref name="rule"/> says (until <see cref="ClearRandom"/>).</summary>
    public void AddRandom(RandomFaults rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _region.Locked(() => _region.Faults.AddRandom(rule));
    }

    public void ClearQueued() => _region.Locked(_region.Faults.ClearQueued);

    public void ClearRandom() => _region.Locked(_region.Faults.ClearRandom);

    private QueuedFault Add(InjectedFault fault)
    {
        _region.Locked(() => _region.Faults.Queue(fault));
        return new QueuedFault(this, fault);
    }

    internal bool Withdraw(InjectedFault fault) => _region.Locked(() => _region.Faults.Withdraw(fault));
}
