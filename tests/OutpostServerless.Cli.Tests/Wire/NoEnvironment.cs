using OutpostServerless.Aws.Client.Endpoints;

namespace OutpostServerless.Cli.Tests.Wire;

/// <summary>An environment with no variables: no endpoint override, no credentials, whatever the test machine has.</summary>
internal sealed class NoEnvironment : IEnvironment
{
    public string? GetVariable(string name) => null;
}
