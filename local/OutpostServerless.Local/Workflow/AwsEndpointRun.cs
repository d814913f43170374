using Amazon.Runtime;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Client.Calls;
using OutpostServerless.Aws.Client.Endpoints;

namespace OutpostServerless.Local.Workflow;

/// <summary>
/// What <c>run --aws-endpoint URL</c> changes: the steps reach that endpoint over HTTP through the real
/// clients (<see cref="AwsPortsFactory"/>), the embedded emulator is not used, and the run's calls are
/// counted on the client side.
/// </summary>
public static class AwsEndpointRun
{
    /// <summary>The Region the steps' clients use: the one the examples' Outpost ARNs and the emulator name.</summary>
    public const string Region = "us-west-2";

    /// <summary>The emulator's default identity (<c>emulator serve --access-key/--secret-key</c>).</summary>
    public const string TestAccessKeyId = "test";
    public const string TestSecretAccessKey = "test";

    // The variables through which the SDKs' default chain finds an identity without a network round trip.
    private static readonly string[] CredentialVariables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    ];

    /// <summary>
    /// Why each option given with an endpoint cannot apply: they shape the embedded emulator (its capacity,
    /// faults, saved world, or the Runtime API the bootstrap processes reach it through), which an
    /// endpoint run does not use. Empty when there is no endpoint or no conflict.
    /// </summary>
    public static IReadOnlyList<string> Conflicts(LocalRunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.AwsEndpoint is null)
        {
            return [];
        }

        const string Why = "it shapes the embedded emulator, which --aws-endpoint does not use";
        var conflicts = new List<string>();
        if (settings.Capacity is not null)
        {
            conflicts.Add($"--capacity: {Why}; the endpoint's Outpost has the capacity it has.");
        }

        if (settings.CapacityArrivesAfterSeconds is not null)
        {
            conflicts.Add($"--capacity-arrives-after: {Why}; the endpoint's Outpost has the capacity it has.");
        }

        if (settings.Faults.Count > 0)
        {
            conflicts.Add($"--fault: {Why}; inject faults into the endpoint itself.");
        }

        if (settings.StateFile is not null)
        {
            conflicts.Add($"--state-file: {Why}; the endpoint keeps its own state (emulator serve --state-file).");
        }

        if (settings.Lambda != LambdaMode.InProcess)
        {
            conflicts.Add("--lambda process: the bootstrap processes are given the embedded emulator's endpoint, and their calls could not be counted here; use --lambda inprocess.");
        }

        return conflicts;
    }

    /// <summary>
    /// The clients' options: every service at <paramref name="endpoint"/>, Region us-west-2, signed with real
    /// time (signatures are judged by the wall clock, whatever the engine's clock says). The identity is the
    /// SDK default chain's when the environment names one, else the emulator's <c>test</c>/<c>test</c>.
    /// </summary>
    public static AwsClientOptions ClientOptions(Uri endpoint, IAwsCallObserver observer, IEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(environment);
        var hasCredentials = CredentialVariables.Any(name => environment.GetVariable(name) is not null);
        return new AwsClientOptions
        {
            EndpointUrl = endpoint,
            Region = Region,
            Credentials = hasCredentials ? null : new BasicAWSCredentials(TestAccessKeyId, TestSecretAccessKey),
            Clock = TimeProvider.System,
            Environment = environment,
            CallObserver = observer,
        };
    }
}
