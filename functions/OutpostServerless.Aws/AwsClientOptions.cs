using Amazon.Runtime;
using OutpostServerless.Aws.Client.Calls;
using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.Client.Retry;

namespace OutpostServerless.Aws;

/// <summary>How the real AWS clients are set up; every member has the AWS SDKs' default.</summary>
public sealed record AwsClientOptions
{
    /// <summary>The Region; null reads <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>.</summary>
    public string? Region { get; init; }

    /// <summary>One endpoint for every service (<c>--endpoint-url</c>, e.g. the emulator); null resolves per service.</summary>
    public Uri? EndpointUrl { get; init; }

    /// <summary>The identity to sign with; null uses the SDK's default credential chain.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>The retry budget; null is the SDKs' standard mode, with <c>AWS_MAX_ATTEMPTS</c> honoured as the SDKs honour it.</summary>
    public RetryOptions? Retry { get; init; }

    /// <summary>The bound on one HTTP exchange (each retry gets its own).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public IEnvironment Environment { get; init; } = new ProcessEnvironment();

    /// <summary>Signing dates and back-off waits.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The jitter source of the back-off.</summary>
    public Random Random { get; init; } = Random.Shared;

    /// <summary>The HTTP stack of our protocol clients; null uses a pooled <see cref="SocketsHttpHandler"/>.</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>Sees every call an endpoint answered, EC2's included (e.g. to count calls per operation); null: none.</summary>
    public IAwsCallObserver? CallObserver { get; init; }
}
