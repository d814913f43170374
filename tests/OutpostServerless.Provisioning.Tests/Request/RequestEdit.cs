using System.Text.Json.Nodes;

namespace OutpostServerless.Provisioning.Tests.Request;

/// <summary>Sets or removes a member of a request by the same path syntax field errors use: <c>network.ingress[1].cidr</c>.</summary>
public static class RequestEdit
{
    /// <summary>Stands for "remove the member" in a test table.</summary>
    public const string Remove = "<remove>";

    public static JsonObject Apply(JsonObject request, string path, string json)
    {
        var (parent, last) = Walk(request, path);
        var value = json == Remove ? null : JsonNode.Parse(json);
        switch (parent, last)
        {
            case (JsonObject obj, string name) when json == Remove:
                obj.Remove(name);
                break;
            case (JsonObject obj, string name):
                obj[name] = value;
                break;
            case (JsonArray array, int index) when json == Remove:
                array.RemoveAt(index);
                break;
            case (JsonArray array, int index) when index == array.Count:
                array.Add(value);
                break;
            case (JsonArray array, int index):
                array[index] = value;
                break;
            default:
                throw new ArgumentException($"Cannot edit {path}.", nameof(path));
        }

        return request;
    }

    private static (JsonNode Parent, object Last) Walk(JsonObject request, string path)
    {
        var steps = Steps(path).ToList();
        JsonNode current = request;
        foreach (var step in steps.SkipLast(1))
        {
            current = step switch
            {
                string name => current[name] ?? throw new ArgumentException($"{path}: no {name}.", nameof(path)),
                int index => current[index] ?? throw new ArgumentException($"{path}: no [{index}].", nameof(path)),
                _ => throw new ArgumentException(path, nameof(path)),
            };
        }

        return (current, steps[^1]);
    }

    private static IEnumerable<object> Steps(string path)
    {
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            yield return bracket < 0 ? part : part[..bracket];
            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                yield return int.Parse(part[(bracket + 1)..close], System.Globalization.CultureInfo.InvariantCulture);
                bracket = part.IndexOf('[', close);
            }
        }
    }
}
