namespace OutpostServerless.Aws.Tests.Testing;

/// <summary>A jitter source that always draws the same fraction of the back-off ceiling.</summary>
internal sealed class FixedRandom(double fraction) : Random
{
    public override double NextDouble() => fraction;

    protected override double Sample() => fraction;
}
