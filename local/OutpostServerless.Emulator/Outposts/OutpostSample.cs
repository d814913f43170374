namespace OutpostServerless.Emulator.Outposts;

/// <summary>What a metric read from <see cref="At"/> on (until the next sample of the same series).</summary>
internal sealed record OutpostSample(DateTimeOffset At, string MetricName, string? InstanceType, double Value);
