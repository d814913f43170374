namespace OutpostServerless.Aws.Client.Endpoints;

/// <summary>The Region: an explicit one (<c>--region</c>), else <c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c>.</summary>
public sealed class RegionResolver(IEnvironment environment)
{
    public string Resolve(string? region = null) =>
        region is { Length: > 0 } ? region
        : environment.GetVariable("AWS_REGION") ?? environment.GetVariable("AWS_DEFAULT_REGION") ?? throw new RegionNotConfiguredException();
}
