using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.Tests.Testing;
using OutpostServerless.Testing.Fakes;

namespace OutpostServerless.Aws.Tests.Client.Endpoints;

public sealed class EndpointResolverTests
{
    public static TheoryData<string, string, string> DefaultEndpoints => new()
    {
        { "ECS", "https://ecs.eu-west-1.amazonaws.com/", "eu-west-1" },
        { "CloudWatch", "https://monitoring.eu-west-1.amazonaws.com/", "eu-west-1" },
        { "Outposts", "https://outposts.eu-west-1.amazonaws.com/", "eu-west-1" },
        { "SSM", "https://ssm.eu-west-1.amazonaws.com/", "eu-west-1" },
        { "EC2", "https://ec2.eu-west-1.amazonaws.com/", "eu-west-1" },
        { "IAM", "https://iam.amazonaws.com/", "us-east-1" },
    };

    public static TheoryData<string, string> EndpointVariables => new()
    {
        { "ECS", "AWS_ENDPOINT_URL_ECS" },
        { "CloudWatch", "AWS_ENDPOINT_URL_CLOUDWATCH" },
        { "Outposts", "AWS_ENDPOINT_URL_OUTPOSTS" },
        { "SSM", "AWS_ENDPOINT_URL_SSM" },
        { "EC2", "AWS_ENDPOINT_URL_EC2" },
        { "IAM", "AWS_ENDPOINT_URL_IAM" },
    };

    private static AwsService Service(string serviceId) =>
        new[] { AwsService.Ecs, AwsService.CloudWatch, AwsService.Outposts, AwsService.Ssm, AwsService.Ec2, AwsService.Iam }.Single(s => s.ServiceId == serviceId);

    private static ServiceEndpoint Resolve(string serviceId, Dictionary<string, string>? environment = null, Uri? endpointOverride = null) =>
        new EndpointResolver(new FakeEnvironment(environment)).Resolve(Service(serviceId), "eu-west-1", endpointOverride);

    [Theory]
    [MemberData(nameof(DefaultEndpoints))]
    public void Without_overrides_each_service_uses_its_regional_or_global_endpoint(string serviceId, string url, string signingRegion)
    {
        var endpoint = Resolve(serviceId);

        Assert.Equal((new Uri(url), signingRegion, false), (endpoint.Url, endpoint.SigningRegion, endpoint.IsCustom));
    }

    [Theory]
    [MemberData(nameof(EndpointVariables))]
    public void The_service_variable_is_the_upper_snake_service_id(string serviceId, string variable)
    {
        Assert.Equal(variable, Service(serviceId).EndpointVariable);
    }

    [Fact]
    public void An_explicit_override_wins_over_every_variable()
    {
        var endpoint = Resolve("ECS", new() { ["AWS_ENDPOINT_URL_ECS"] = "http://ecs.local:1", ["AWS_ENDPOINT_URL"] = "http://all.local:2" }, new Uri("http://127.0.0.1:4566"));

        Assert.Equal(new Uri("http://127.0.0.1:4566"), endpoint.Url);
    }

    [Fact]
    public void The_service_variable_wins_over_the_global_variable()
    {
        var endpoint = Resolve("CloudWatch", new() { ["AWS_ENDPOINT_URL_CLOUDWATCH"] = "http://cw.local:1", ["AWS_ENDPOINT_URL"] = "http://all.local:2" });

        Assert.Equal(new Uri("http://cw.local:1"), endpoint.Url);
    }

    [Fact]
    public void Another_service_variable_does_not_apply()
    {
        var endpoint = Resolve("ECS", new() { ["AWS_ENDPOINT_URL_CLOUDWATCH"] = "http://cw.local:1" });

        Assert.Equal(new Uri("https://ecs.eu-west-1.amazonaws.com"), endpoint.Url);
    }

    [Fact]
    public void The_global_variable_applies_to_every_service()
    {
        var endpoint = Resolve("Outposts", new() { ["AWS_ENDPOINT_URL"] = "http://all.local:2" });

        Assert.Equal((new Uri("http://all.local:2"), true), (endpoint.Url, endpoint.IsCustom));
    }

    [Fact]
    public void A_custom_endpoint_for_iam_is_signed_for_the_configured_region()
    {
        var endpoint = Resolve("IAM", endpointOverride: new Uri("http://127.0.0.1:4566"));

        Assert.Equal(("eu-west-1", "iam"), (endpoint.SigningRegion, endpoint.SigningName));
    }

    [Fact]
    public void Configured_endpoints_are_ignored_when_the_environment_says_so()
    {
        var endpoint = Resolve("ECS", new() { ["AWS_ENDPOINT_URL_ECS"] = "http://ecs.local:1", ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true" });

        Assert.Equal(new Uri("https://ecs.eu-west-1.amazonaws.com"), endpoint.Url);
    }

    [Fact]
    public void An_explicit_override_applies_even_when_configured_endpoints_are_ignored()
    {
        var endpoint = Resolve("ECS", new() { ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true" }, new Uri("http://127.0.0.1:4566"));

        Assert.Equal(new Uri("http://127.0.0.1:4566"), endpoint.Url);
    }

    [Fact]
    public void A_configured_endpoint_that_is_not_an_http_url_is_rejected_by_name()
    {
        var error = Assert.Throws<InvalidEndpointException>(() => Resolve("ECS", new() { ["AWS_ENDPOINT_URL"] = "localhost:4566" }));

        Assert.Equal("localhost:4566", error.Endpoint);
    }
}
