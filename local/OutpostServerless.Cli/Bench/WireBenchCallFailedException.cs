namespace OutpostServerless.Cli.Bench;

/// <summary>A measured call did not succeed: the figures would time an error, not the call.</summary>
public sealed class WireBenchCallFailedException(string operation, string client, string detail)
    : Exception($"{operation} through {client} failed: {detail}")
{
    public string Operation { get; } = operation;

    public string Client { get; } = client;
}
