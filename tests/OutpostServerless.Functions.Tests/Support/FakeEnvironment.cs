using OutpostServerless.Functions.Bootstrap;

namespace OutpostServerless.Functions.Tests.Support;

/// <summary>An environment in a dictionary: what the runtime reads and writes, without touching the test process's.</summary>
internal sealed class FakeEnvironment(params (string Name, string Value)[] variables) : IRuntimeEnvironment
{
    private readonly Dictionary<string, string> _variables = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    public string? Get(string name) => _variables.TryGetValue(name, out var value) ? value : null;

    public void Set(string name, string? value)
    {
        if (value is null)
        {
            _variables.Remove(name);
        }
        else
        {
            _variables[name] = value;
        }
    }
}
