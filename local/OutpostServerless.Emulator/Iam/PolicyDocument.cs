using System.Text.Json;
using System.Text.RegularExpressions;

namespace OutpostServerless.Emulator.Iam;

/// <summary>
/// Just enough IAM policy evaluation to answer two questions the world asks: may EC2 assume this
/// role (its trust policy), and may this policy's holder call an action (an Allow statement whose
/// Action matches, wildcards included).
/// </summary>
internal static class PolicyDocument
{
    /// <summary>Null when the text is valid policy JSON with a Statement; otherwise what is wrong.</summary>
    public static string? Problem(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "Syntax errors in policy.";
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("Statement", out _)
                ? null
                : "Syntax errors in policy.";
        }
        catch (JsonException)
        {
            return "This policy contains invalid Json";
        }
    }

    public static bool TrustsService(string trustPolicy, string servicePrincipal) =>
        Statements(trustPolicy).Any(s => IsAllow(s) && Values(s, "Action").Any(a => Matches(a, "sts:AssumeRole"))
            && s.TryGetProperty("Principal", out var principal) && principal.ValueKind == JsonValueKind.Object
            && principal.TryGetProperty("Service", out var service) && Strings(service).Contains(servicePrincipal, StringComparer.Ordinal));

    public static bool Allows(string policy, string action) =>
        Statements(policy).Any(s => IsAllow(s) && Values(s, "Action").Any(a => Matches(a, action)));

    private static List<JsonElement> Statements(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (!document.RootElement.TryGetProperty("Statement", out var statement))
            {
                return [];
            }

            var list = statement.ValueKind == JsonValueKind.Array ? statement.EnumerateArray().ToList() : [statement];
            return list.ConvertAll(s => s.Clone());
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static bool IsAllow(JsonElement statement) =>
        statement.ValueKind == JsonValueKind.Object && statement.TryGetProperty("Effect", out var effect) && effect.ValueKind == JsonValueKind.String && effect.GetString() == "Allow";

    private static List<string> Values(JsonElement statement, string name) =>
        statement.ValueKind == JsonValueKind.Object && statement.TryGetProperty(name, out var value) ? Strings(value) : [];

    private static List<string> Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)],
        _ => [],
    };

    // IAM action names are case-insensitive; * and ? are wildcards.
    private static bool Matches(string pattern, string action) =>
        Regex.IsMatch(action, "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
