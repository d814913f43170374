using System.Text.RegularExpressions;

namespace OutpostServerless.Emulator.Iam;

/// <summary>IAM's name and path rules, answered with IAM's ValidationError wording.</summary>
internal static partial class IamNames
{
    public static void Require(string? value, string member, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw IamErrors.Validation(value ?? "null", member, "Member must have length greater than or equal to 1");
        }

        if (value.Length > maxLength)
        {
            throw IamErrors.Validation(value, member, $"Member must have length less than or equal to {maxLength}");
        }

        if (!Name().IsMatch(value))
        {
            throw IamErrors.Validation(value, member, @"Member must satisfy regular expression pattern: [\w+=,.@-]+");
        }
    }

    public static string RequirePath(string? path)
    {
        if (path is null)
        {
            return "/";
        }

        if (path.Length > 512 || !Path().IsMatch(path))
        {
            throw IamErrors.Validation(path, "path", @"Member must satisfy regular expression pattern: (\u002F)|(\u002F[\u0021-\u007E]+\u002F)");
        }

        return path;
    }

    [GeneratedRegex(@"^[\w+=,.@-]+$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^(/|/[\u0021-\u007E]+/)$")]
    private static partial Regex Path();
}
