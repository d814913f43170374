using System.Text.Json.Nodes;

namespace OutpostServerless.Cli.Tests.Differential;

/// <summary>One execution of the corpus: a definition and one of its inputs.</summary>
internal sealed record DifferentialCase(string Name, int InputIndex, string Definition, JsonNode? Input)
{
    public string Id => $"{Name}#{InputIndex}";
}
