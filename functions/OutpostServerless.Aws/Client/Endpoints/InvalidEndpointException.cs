namespace OutpostServerless.Aws.Client.Endpoints;

/// <summary>A configured endpoint URL that is not an absolute http(s) URL.</summary>
public sealed class InvalidEndpointException(string endpoint)
    : Exception($"The endpoint '{endpoint}' is not an absolute http or https URL.")
{
    public string Endpoint { get; } = endpoint;
}
