using OutpostServerless.Provisioning;

namespace OutpostServerless.Functions.Tests.Support;

/// <summary>A step made of a lambda, for tests that care about what the host does around a typed step.</summary>
internal sealed class DelegateStep<TInput, TOutput>(Func<TInput, TOutput> run) : IStep<TInput, TOutput>
{
    public Task<TOutput> RunAsync(TInput input, CancellationToken cancellationToken) => Task.FromResult(run(input));
}
