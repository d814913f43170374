using System.Text;
using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Errors;

namespace OutpostServerless.StateMachine.Paths;

/// <summary>
/// InputPath or OutputPath: selects part of a value; <c>$</c> (the default) keeps it all and <c>null</c>
/// gives <c>{}</c>. A definite path that selects nothing fails the execution with States.Runtime, as on AWS.
/// </summary>
internal sealed record InputOutputPath(JsonPath? Path)
{
    public static InputOutputPath Default { get; } = new(JsonPath.Parse("$"));

    public static InputOutputPath Empty { get; } = new((JsonPath?)null);

    public JsonNode? Apply(PathScope scope)
    {
        if (Path is null)
        {
            return new JsonObject();
        }

        if (Path.IsRoot)
        {
            return scope.Input;
        }

        if (scope.Select(Path, out var value))
        {
            return value;
        }

        throw StatesException.Runtime($"Invalid path '{Path.Text}' : No results for path: {Normalized(Path)}");
    }

    // Jayway's normalized form, e.g. $['detail']['items'][0], as AWS quotes it in the cause.
    private static string Normalized(JsonPath path)
    {
        var text = new StringBuilder("$");
        foreach (var segment in path.Segments)
        {
            text.Append(segment switch
            {
                PropertySegment p => string.Concat(p.Names.Select(n => $"['{n}']")),
                IndexSegment i => "[" + string.Join(",", i.Indexes) + "]",
                _ => "[*]",
            });
        }

        return text.ToString();
    }
}
