namespace OutpostServerless.Aws.Client.Endpoints;

/// <summary>
/// Resolves a service's endpoint the way the AWS SDKs and CLI do: an explicit override
/// (<c>--endpoint-url</c>) first, then <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then
/// <c>AWS_ENDPOINT_URL</c>, then the service's default endpoint for the Region. Configured
/// (environment) endpoints are skipped when <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c> is true.
/// </summary>
public sealed class EndpointResolver(IEnvironment environment)
{
    public const string GlobalEndpointVariable = "AWS_ENDPOINT_URL";
    public const string IgnoreConfiguredEndpointsVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    public ServiceEndpoint Resolve(AwsService service, string region, Uri? endpointOverride = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrEmpty(region);

        // A custom endpoint is signed for the configured Region, as the services' endpoint rule
        // sets say (no authSchemes on the custom-endpoint rule), IAM included.
        var custom = endpointOverride ?? ConfiguredEndpoint(service);
        if (custom is not null)
        {
            return new ServiceEndpoint(custom, region, service.SigningName, IsCustom: true);
        }

        if (service.GlobalEndpoint is not null)
        {
            return new ServiceEndpoint(new Uri($"https://{service.GlobalEndpoint}"), service.GlobalSigningRegion ?? region, service.SigningName);
        }

        return new ServiceEndpoint(new Uri($"https://{service.EndpointPrefix}.{region}.amazonaws.com"), region, service.SigningName);
    }

    private Uri? ConfiguredEndpoint(AwsService service)
    {
        if (string.Equals(environment.GetVariable(IgnoreConfiguredEndpointsVariable), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var value = environment.GetVariable(service.EndpointVariable) ?? environment.GetVariable(GlobalEndpointVariable);
        if (value is null)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new InvalidEndpointException(value);
    }
}
