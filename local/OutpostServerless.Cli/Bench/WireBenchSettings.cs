namespace OutpostServerless.Cli.Bench;

/// <summary>How <c>bench wire</c> measures: calls per client, and which AWS CLIs to run (null: not run).</summary>
public sealed record WireBenchSettings
{
    /// <summary>Timed calls per operation through the in-process ports and through our clients over HTTP.</summary>
    public int Calls { get; init; } = 200;

    /// <summary>Timed AWS CLI processes per operation and CLI version.</summary>
    public int CliCalls { get; init; } = 20;

    /// <summary>Untimed calls first, per operation and client (JIT, connection pool, Python imports cached).</summary>
    public int Warmup { get; init; } = 20;

    /// <summary>The AWS CLI v1 executable; null: not measured.</summary>
    public string? AwsCliV1 { get; init; }

    /// <summary>The AWS CLI v2 executable; null: not measured.</summary>
    public string? AwsCliV2 { get; init; }
}
