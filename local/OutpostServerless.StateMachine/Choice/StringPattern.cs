using System.Text;
using System.Text.RegularExpressions;

namespace OutpostServerless.StateMachine.Choice;

/// <summary>A StringMatches pattern: <c>*</c> matches any run of characters, <c>\*</c> a literal star, <c>\\</c> a backslash.</summary>
internal sealed class StringPattern
{
    private readonly Regex _regex;

    public StringPattern(string pattern)
    {
        Pattern = pattern;
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else if (c == '*')
            {
                regex.Append(".*");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        _regex = new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    public string Pattern { get; }

    public bool IsMatch(string value) => _regex.IsMatch(value);
}
