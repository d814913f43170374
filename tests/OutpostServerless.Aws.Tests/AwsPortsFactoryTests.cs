using Amazon.Runtime;
using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.Client.Retry;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Tests.Testing;
using OutpostServerless.Testing.Fakes;

namespace OutpostServerless.Aws.Tests;

public sealed class AwsPortsFactoryTests
{
    private static AwsClientOptions Options(Dictionary<string, string>? environment = null, Uri? endpoint = null, FakeHttpHandler? handler = null) => new()
    {
        Region = "us-west-2",
        EndpointUrl = endpoint,
        Credentials = new BasicAWSCredentials("test", "test"),
        Environment = new FakeEnvironment(environment),
        Clock = new FakeClock(),
        Handler = handler,
    };

    [Fact]
    public void An_endpoint_override_addresses_every_service_and_signs_for_the_region()
    {
        using var clients = AwsPortsFactory.Create(Options(endpoint: new Uri("http://127.0.0.1:4566")));

        Assert.All(clients.Endpoints.Values, e => Assert.Equal((new Uri("http://127.0.0.1:4566"), "us-west-2", true), (e.Url, e.SigningRegion, e.IsCustom)));
        Assert.Equal(["dynamodb", "ec2", "ecs", "iam", "monitoring", "outposts", "ssm", "states"], clients.Endpoints.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_service_variable_moves_only_that_service()
    {
        using var clients = AwsPortsFactory.Create(Options(new() { ["AWS_ENDPOINT_URL_ECS"] = "http://localhost:9999" }));

        Assert.Equal(new Uri("http://localhost:9999"), clients.Endpoints["ecs"].Url);
        Assert.Equal((new Uri("https://iam.amazonaws.com"), "us-east-1"), (clients.Endpoints["iam"].Url, clients.Endpoints["iam"].SigningRegion));
        Assert.Equal(new Uri("https://monitoring.us-west-2.amazonaws.com"), clients.Endpoints["monitoring"].Url);
    }

    [Fact]
    public void The_region_can_come_from_the_environment()
    {
        using var clients = AwsPortsFactory.Create(Options(new() { ["AWS_REGION"] = "eu-central-1" }) with { Region = null });

        Assert.Equal(("eu-central-1", new Uri("https://ecs.eu-central-1.amazonaws.com")), (clients.Region, clients.Endpoints["ecs"].Url));
    }

    [Fact]
    public void No_region_is_a_typed_error() =>
        Assert.Throws<RegionNotConfiguredException>(() => AwsPortsFactory.Create(Options() with { Region = null }));

    [Fact]
    public async Task The_ports_send_signed_requests_through_the_configured_stack()
    {
        var handler = new FakeHttpHandler().RespondJson("""{"clusters":[],"failures":[]}""");
        using var clients = AwsPortsFactory.Create(Options(endpoint: new Uri("http://127.0.0.1:4566/"), handler: handler));

        await clients.Ports.Ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = ["c"] });

        Assert.Equal("http://127.0.0.1:4566/", handler.LastRequest.Url.ToString());
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=test/20250106/us-west-2/ecs/aws4_request", handler.LastRequest.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_sdk_ec2_client_gets_the_same_custom_endpoint_region_and_attempt_budget()
    {
        var options = Options() with { Retry = new RetryOptions { MaxAttempts = 5 } };
        var endpoint = new EndpointResolver(options.Environment).Resolve(AwsService.Ec2, "us-west-2", new Uri("http://127.0.0.1:4566"));

        using var ec2 = AwsPortsFactory.Ec2Client(options, "us-west-2", endpoint);

        Assert.Equal(("http://127.0.0.1:4566/", "us-west-2", 4, RequestRetryMode.Standard), (ec2.Config.ServiceURL, ec2.Config.AuthenticationRegion, ec2.Config.MaxErrorRetry, ec2.Config.RetryMode));
    }

    [Theory]
    [InlineData(null, null, 3)]
    [InlineData("7", null, 7)]
    [InlineData("zero", null, 3)]
    [InlineData("0", null, 3)]
    [InlineData("7", 2, 2)]
    public void The_attempt_budget_is_explicit_else_aws_max_attempts_else_three(string? variable, int? explicitAttempts, int attempts)
    {
        var options = Options(variable is null ? null : new() { ["AWS_MAX_ATTEMPTS"] = variable }) with
        {
            Retry = explicitAttempts is null ? null : new RetryOptions { MaxAttempts = explicitAttempts.Value },
        };

        Assert.Equal(attempts, AwsPortsFactory.RetryFor(options).MaxAttempts);
    }

    [Fact]
    public void The_sdk_ec2_client_uses_the_regional_endpoint_without_overrides()
    {
        var options = Options();
        var endpoint = new EndpointResolver(options.Environment).Resolve(AwsService.Ec2, "us-west-2");

        using var ec2 = AwsPortsFactory.Ec2Client(options, "us-west-2", endpoint);

        Assert.Equal(("us-west-2", null), (ec2.Config.RegionEndpoint?.SystemName, ec2.Config.ServiceURL));
    }
}
