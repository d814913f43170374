namespace OutpostServerless.Provisioning;

/// <summary>
/// One provisioning step: a plain class that takes its AWS ports in the constructor and does one
/// idempotent piece of the runbook. A Lambda handler only parses <typeparamref name="TInput"/>,
/// calls <see cref="RunAsync"/> and serializes <typeparamref name="TOutput"/>.
/// </summary>
public interface IStep<in TInput, TOutput>
{
    Task<TOutput> RunAsync(TInput input, CancellationToken cancellationToken);
}
