using OutpostServerless.Aws.Client.Endpoints;

namespace OutpostServerless.Aws.Tests.Testing;

internal sealed class FakeEnvironment(IReadOnlyDictionary<string, string>? variables = null) : IEnvironment
{
    public string? GetVariable(string name) =>
        variables is not null && variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
