namespace OutpostServerless.Emulator.Lambda;

/// <summary>The account a function runs in and the AWS it reaches.</summary>
public sealed record LambdaServiceOptions
{
    public string Region { get; init; } = "us-west-2";

    public string AccountId { get; init; } = "123456789012";

    /// <summary>The credentials Lambda exports to the function (its execution role's, on AWS).</summary>
    public string AccessKeyId { get; init; } = "test";

    public string SecretAccessKey { get; init; } = "test";

    public string? SessionToken { get; init; }

    /// <summary>Exported as <c>AWS_ENDPOINT_URL</c>: where the function's AWS clients go (the emulator's wire endpoint); null leaves AWS's.</summary>
    public Uri? EndpointUrl { get; init; }

    /// <summary>
    /// The emulated world's clock, when it is not the machine's (the local engine's virtual clock): each event
    /// then carries its time in <c>X-Outpost-Serverless-Emulated-Time</c>, so the function's "now" is the world's.
    /// </summary>
    public TimeProvider? EmulatedClock { get; init; }

    /// <summary>
    /// Variables passed through from this process. Lambda's environment is otherwise clean; these only let a
    /// local, framework-dependent bootstrap find its runtime.
    /// </summary>
    public IReadOnlyList<string> InheritedVariables { get; init; } = ["PATH", "HOME", "TMPDIR", "DOTNET_ROOT", "DOTNET_ROOT_X64", "DOTNET_ROOT_ARM64"];

    /// <summary>Called with each line a function writes to stdout or stderr (CloudWatch Logs, on AWS).</summary>
    public Action<LambdaLogLine>? LogObserver { get; init; }
}
