namespace OutpostServerless.Cli.Bench;

/// <summary>What <c>bench wire</c> measured, and the AWS CLIs it could not run (with why).</summary>
public sealed record WireBenchResult(Uri Endpoint, IReadOnlyList<WireBenchLatency> Latencies, IReadOnlyList<string> NotMeasured)
{
    public const string InProcess = "in-process port (no HTTP)";
    public const string OurClients = "our clients over HTTP";

    public WireBenchLatency? Find(string operation, string client) =>
        Latencies.FirstOrDefault(l => l.Operation == operation && l.Client == client);
}
