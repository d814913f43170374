using System.Buffers;
using System.Globalization;
using System.Text.Json.Nodes;
using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// No control characters (line breaks, tabs, NUL, …) in our own string fields: they end up in names,
/// tags, user data and log lines. The schema's patterns cannot promise it, since .NET's <c>$</c>
/// matches before a final line break. The task definition is ECS's own shape (a container command
/// may well hold a line break), so it is left to ECS. Runs last: a field another rule already
/// refused (its message quotes the value, escapes and all) is not reported twice.
/// </summary>
internal sealed class ControlCharacterRule : IRequestRule
{
    public void Check(RequestDocument request, ICollection<FieldError> errors) =>
        Scan(request.Root, FieldPath.Root, request.TaskDefinition, errors);

    private static void Scan(JsonNode? node, FieldPath path, JsonObject? skip, ICollection<FieldError> errors)
    {
        switch (node)
        {
            case JsonObject obj when !ReferenceEquals(obj, skip):
                foreach (var (name, child) in obj)
                {
                    Scan(child, path.Member(name), skip, errors);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Scan(array[i], path.Index(i), skip, errors);
                }

                break;
            case JsonValue when JsonMember.AsString(node) is { } text
                && text.AsSpan().IndexOfAny(ControlCharacters) is var at and >= 0
                && !errors.Any(e => e.Field == path.ToString()):
                errors.Add(new FieldError(
                    path.ToString(),
                    string.Create(CultureInfo.InvariantCulture, $"contains the control character U+{(int)text[at]:X4}"),
                    "remove line breaks, tabs and other control characters from the value"));
                break;
        }
    }

    // Unicode category Cc: C0, DEL and C1.
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        Enumerable.Range(0, 0xA0).Select(i => (char)i).Where(char.IsControl).ToArray());
}
