// Not ".Process": that namespace would hide System.Diagnostics.Process from every test namespace beside it.
namespace OutpostServerless.Cli.Tests.LambdaProcess;

/// <summary>A world clock that moves only when the test moves it.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
