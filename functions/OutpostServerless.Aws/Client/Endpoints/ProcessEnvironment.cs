namespace OutpostServerless.Aws.Client.Endpoints;

/// <summary>The real process environment.</summary>
public sealed class ProcessEnvironment : IEnvironment
{
    public string? GetVariable(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public void SetVariable(string name, string? value) => Environment.SetEnvironmentVariable(name, value);
}
