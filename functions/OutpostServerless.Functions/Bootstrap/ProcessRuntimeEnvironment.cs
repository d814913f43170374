namespace OutpostServerless.Functions.Bootstrap;

/// <summary>The real process environment.</summary>
public sealed class ProcessRuntimeEnvironment : IRuntimeEnvironment
{
    public string? Get(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public void Set(string name, string? value) => Environment.SetEnvironmentVariable(name, value);
}
