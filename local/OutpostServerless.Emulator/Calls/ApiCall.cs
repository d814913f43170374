namespace OutpostServerless.Emulator.Calls;

/// <summary>One API call the world answered: <c>ec2:RunInstances</c>, when, and the error code if it failed.</summary>
public sealed record ApiCall(long Sequence, string Operation, DateTimeOffset At, bool IsMutating, string? ErrorCode);
