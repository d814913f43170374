namespace OutpostServerless.Cli.Bench.Runbook;

/// <summary>What <c>bench runbook</c> compares: the runbook through an AWS CLI, and <c>run</c> on the same request.</summary>
public sealed record RunbookBenchSettings
{
    /// <summary>Timed rounds; each runs the runbook, a fresh <c>run</c> process and an in-process provisioning.</summary>
    public int Rounds { get; init; } = 5;

    public required string RunbookPath { get; init; }

    public required RunbookDocument Runbook { get; init; }

    /// <summary>The request <c>run</c> provisions: the runbook's <see cref="RunbookDocument.Request"/>.</summary>
    public required string RequestPath { get; init; }

    public required string TemplatePath { get; init; }

    /// <summary>The AWS CLI v2 executable.</summary>
    public required string AwsCli { get; init; }

    /// <summary>How a fresh <c>run</c> process is started.</summary>
    public required CliLauncher Cli { get; init; }
}
