using OutpostServerless.Aws.Client.Endpoints;

namespace OutpostServerless.Testing.Fakes;

/// <summary>An environment in a dictionary (a copy of the one given): what the code reads and writes, without touching the test process's.</summary>
public sealed class FakeEnvironment(IReadOnlyDictionary<string, string>? variables = null) : IEnvironment
{
    private readonly Dictionary<string, string> _variables = new(variables ?? new Dictionary<string, string>(), StringComparer.Ordinal);

    public string? GetVariable(string name) => _variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public void SetVariable(string name, string? value)
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
