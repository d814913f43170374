using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Sam;

namespace OutpostServerless.Cli.Tests.Template;

/// <summary>A function's own IAM statements from template.yaml, read for assertions.</summary>
internal sealed record FunctionPolicy(SamFunction Function)
{
    public IEnumerable<JsonObject> Statements => Function.PolicyStatements;

    public SortedSet<string> Actions => new(Statements.SelectMany(ActionsOf), StringComparer.Ordinal);

    public IEnumerable<JsonObject> StatementsGranting(string action) => Statements.Where(s => ActionsOf(s).Contains(action));

    public static IEnumerable<string> ActionsOf(JsonObject statement) => Strings(statement["Action"]);

    public static IEnumerable<string> ResourcesOf(JsonObject statement) => Strings(statement["Resource"]);

    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonArray list => list.Select(item => item!.GetValue<string>()),
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };
}
