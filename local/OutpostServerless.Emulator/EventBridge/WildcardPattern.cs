using System.Text;
using System.Text.RegularExpressions;

namespace OutpostServerless.Emulator.EventBridge;

/// <summary>
/// A wildcard string as EventBridge takes it: <c>*</c> stands for any run of characters, <c>\*</c> for
/// an asterisk and <c>\\</c> for a backslash; two wildcards in a row and any other escape are refused.
/// </summary>
internal sealed class WildcardPattern
{
    private readonly Regex regex;

    private WildcardPattern(Regex regex) => this.regex = regex;

    public static WildcardPattern Parse(string text, string path)
    {
        var expression = new StringBuilder("^");
        var previousWasWildcard = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                if (i + 1 >= text.Length || text[i + 1] is not ('*' or '\\'))
                {
                    throw new EventPatternException(path, $"wildcard '{text}': a backslash escapes only * or \\");
                }

                expression.Append(Regex.Escape(text[++i].ToString()));
                previousWasWildcard = false;
            }
            else if (c == '*')
            {
                if (previousWasWildcard)
                {
                    throw new EventPatternException(path, $"wildcard '{text}': consecutive wildcard characters are not allowed");
                }

                expression.Append(".*");
                previousWasWildcard = true;
            }
            else
            {
                expression.Append(Regex.Escape(c.ToString()));
                previousWasWildcard = false;
            }
        }

        return new WildcardPattern(new Regex(expression.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant));
    }

    public bool Covers(string text) => regex.IsMatch(text);
}
