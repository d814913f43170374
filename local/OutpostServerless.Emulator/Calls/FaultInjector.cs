namespace OutpostServerless.Emulator.Calls;

/// <summary>Queued AWS errors per operation; a faulted call changes nothing.</summary>
internal sealed class FaultInjector(List<InjectedFault> faults)
{
    public void Add(string operation, string errorCode, string message, int times)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        if (!operation.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Operation '{operation}' must be 'service:Operation', e.g. 'ecs:CreateService'.", nameof(operation));
        }

        faults.Add(new InjectedFault { Operation = operation, ErrorCode = errorCode, Message = message, Remaining = times });
    }

    /// <summary>The first queued fault for this operation, consuming one of its repetitions.</summary>
    public InjectedFault? TryTake(string operation)
    {
        var fault = faults.Find(f => string.Equals(f.Operation, operation, StringComparison.Ordinal));
        if (fault is null)
        {
            return null;
        }

        fault.Remaining--;
        if (fault.Remaining <= 0)
        {
            faults.Remove(fault);
        }

        return fault;
    }
}
