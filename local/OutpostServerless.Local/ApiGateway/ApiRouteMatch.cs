using OutpostServerless.Emulator.Sam;

namespace OutpostServerless.Local.ApiGateway;

/// <summary>A request matched to a route: the route and its path parameters, URL-decoded.</summary>
public sealed record ApiRouteMatch(SamApiRoute Route, IReadOnlyDictionary<string, string> PathParameters)
{
    /// <summary>The route for <paramref name="method"/> and <paramref name="path"/>; a <c>{name}</c> segment takes one non-empty segment.</summary>
    public static ApiRouteMatch? Find(IEnumerable<SamApiRoute> routes, string method, string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var route in routes.Where(r => string.Equals(r.HttpMethod, method, StringComparison.OrdinalIgnoreCase)))
        {
            var template = route.Path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (template.Length != segments.Length)
            {
                continue;
            }

            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            var matched = true;
            for (var i = 0; i < template.Length && matched; i++)
            {
                if (template[i].StartsWith('{') && template[i].EndsWith('}'))
                {
                    parameters[template[i][1..^1]] = Uri.UnescapeDataString(segments[i]);
                }
                else
                {
                    matched = string.Equals(template[i], segments[i], StringComparison.Ordinal);
                }
            }

            if (matched)
            {
                return new ApiRouteMatch(route, parameters);
            }
        }

        return null;
    }
}
