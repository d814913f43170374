namespace OutpostServerless.Cli.Bench;

/// <summary>One start: process start to the first response on the Runtime API, and the process's peak RSS then.</summary>
public sealed record ColdStartSample(TimeSpan StartToFirstResponse, long? PeakResidentBytes);
