namespace OutpostServerless.Provisioning.Records;

/// <summary>
/// Who is changing the provisioning: the execution holding the lock, the generation it took, since
/// when, and when its lease ends (the state machine's execution timeout: by then the execution is
/// certainly over, so a lock left by one that died is not held forever).
/// </summary>
public sealed record ChangeLock(string Execution, long Generation, ChangeKind Action, DateTimeOffset Since, DateTimeOffset LeaseExpiresAt)
{
    public bool IsHeldAt(DateTimeOffset now) => now < LeaseExpiresAt;
}
