using OutpostServerless.Aws.Client.Credentials;
using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.Client.Http;
using OutpostServerless.Aws.Client.Retry;
using OutpostServerless.Aws.CloudWatch;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Aws.Outposts;
using OutpostServerless.Aws.StepFunctions;
using OutpostServerless.Aws.Tests.ServiceModels;
using OutpostServerless.Testing.Fakes;

namespace OutpostServerless.Aws.Tests.Testing;

/// <summary>
/// Our clients over a fake HTTP handler, a fake clock and a fixed jitter, in us-west-2 with the
/// AWS documentation's example keys. Every request the clients send is kept for inspection and
/// can be checked against the botocore model of its operation.
/// </summary>
internal sealed class ClientHarness : IDisposable
{
    public const string Region = "us-west-2";
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private readonly HttpClient _http;
    private readonly bool _checkModelsOnDispose;

    /// <param name="checkModelsOnDispose">
    /// Dispose then asserts <see cref="AssertEveryRequestMatchesItsModel"/>: a test class owning the
    /// harness checks every request of every test without repeating the check in each.
    /// </param>
    public ClientHarness(
        RetryOptions? retry = null, double jitter = 0.5, TimeSpan? attemptTimeout = null, ICredentialsProvider? credentials = null, bool checkModelsOnDispose = false, IEnvironment? environment = null)
    {
        _checkModelsOnDispose = checkModelsOnDispose;
        _http = new HttpClient(Handler) { Timeout = Timeout.InfiniteTimeSpan };
        Pipeline = new AwsHttpPipeline(
            _http,
            credentials ?? SdkCredentialsProvider.Static(AccessKey, SecretKey),
            new StandardRetryPolicy(retry ?? RetryOptions.Standard, new FixedRandom(jitter)),
            Clock,
            attemptTimeout ?? TimeSpan.FromSeconds(30),
            environment: environment);
    }

    public FakeHttpHandler Handler { get; } = new();
    public FakeClock Clock { get; } = new();
    public AwsHttpPipeline Pipeline { get; }

    public EcsClient Ecs => new(Pipeline, Endpoint(AwsService.Ecs));
    public IamClient Iam => new(Pipeline, Endpoint(AwsService.Iam));
    public OutpostsClient Outposts => new(Pipeline, Endpoint(AwsService.Outposts));
    public CloudWatchClient CloudWatch => new(Pipeline, Endpoint(AwsService.CloudWatch));
    public StepFunctionsClient StepFunctions => new(Pipeline, Endpoint(AwsService.StepFunctions));

    public static ServiceEndpoint Endpoint(AwsService service) => new EndpointResolver(new FakeEnvironment()).Resolve(service, Region);

    /// <summary>Fails with every violation when a captured request does not match its operation's botocore input shape.</summary>
    public void AssertEveryRequestMatchesItsModel()
    {
        var violations = Handler.Requests.SelectMany(ServiceModelValidator.Validate).ToList();
        Assert.True(violations.Count == 0, "Requests that do not match the botocore model:\n" + string.Join('\n', violations));
    }

    public void Dispose()
    {
        using (_http)
        {
            if (_checkModelsOnDispose)
            {
                AssertEveryRequestMatchesItsModel();
            }
        }
    }
}
