namespace OutpostServerless.Aws.Client.Endpoints;

/// <summary>No Region was given and none is configured in the environment.</summary>
public sealed class RegionNotConfiguredException()
    : Exception("No AWS Region: pass one, or set AWS_REGION or AWS_DEFAULT_REGION.");
