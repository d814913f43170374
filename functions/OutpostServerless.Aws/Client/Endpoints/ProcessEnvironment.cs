namespace OutpostServerless.Aws.Client.Endpoints;

/// <summary>The real process environment.</summary>
public sealed class ProcessEnvironment : IEnvironment
{
    public string? GetVariable(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
