using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace OutpostServerless.StateMachine.Tests.Support;

/// <summary>
/// A scripted <see cref="ITaskInvoker"/>: per resource, a handler deciding each attempt's outcome. Records
/// every invocation with the clock time it happened at.
/// </summary>
internal sealed class FakeTaskInvoker(TimeProvider clock) : ITaskInvoker
{
    private readonly ConcurrentDictionary<string, Func<TaskInvocation, CancellationToken, Task<TaskOutcome>>> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(TaskInvocation Invocation, DateTimeOffset At)> _calls = new();

    public IReadOnlyList<(TaskInvocation Invocation, DateTimeOffset At)> Calls => _calls.ToArray();

    public IReadOnlyList<TaskInvocation> Invocations => _calls.Select(c => c.Invocation).ToArray();

    /// <summary>Every call to <paramref name="resource"/> returns <paramref name="output"/>.</summary>
    public FakeTaskInvoker Returns(string resource, JsonNode? output) =>
        On(resource, (_, _) => Task.FromResult(TaskOutcome.Success(output?.DeepClone())));

    /// <summary>Every call echoes its input.</summary>
    public FakeTaskInvoker Echoes(string resource) =>
        On(resource, (invocation, _) => Task.FromResult(TaskOutcome.Success(invocation.Input?.DeepClone())));

    /// <summary>Each call takes the next outcome; the last one repeats.</summary>
    public FakeTaskInvoker Sequence(string resource, params TaskOutcome[] outcomes)
    {
        var next = 0;
        return On(resource, (_, _) => Task.FromResult(outcomes[Math.Min(Interlocked.Increment(ref next) - 1, outcomes.Length - 1)]));
    }

    public FakeTaskInvoker Fails(string resource, string error, string? cause = null) =>
        On(resource, (_, _) => Task.FromResult(TaskOutcome.Failure(error, cause)));

    public FakeTaskInvoker On(string resource, Func<TaskInvocation, CancellationToken, Task<TaskOutcome>> handler)
    {
        _handlers[resource] = handler;
        return this;
    }

    public Task<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        _calls.Enqueue((invocation, clock.GetUtcNow()));
        return _handlers.TryGetValue(invocation.Resource, out var handler)
            ? handler(invocation, cancellationToken)
            : Task.FromResult(TaskOutcome.Failure("Test.NoHandler", $"No handler for {invocation.Resource}"));
    }
}
