using System.Globalization;
using System.Text;

namespace OutpostServerless.Local.StepFunctions;

/// <summary>
/// A list operation's <c>nextToken</c>: opaque to the caller (base64), the offset of the next page inside.
/// A token this service did not hand out is <c>InvalidToken</c>, as Step Functions answers it.
/// </summary>
internal static class PageToken
{
    private const string Prefix = "page:";

    public static string Encode(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    public static int Decode(string? token)
    {
        if (token is null)
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Not base64: refused below like any other token not ours.
        }

        throw new StepFunctionsException("InvalidToken", $"Invalid Token: '{token}'");
    }

    /// <summary>One page of <paramref name="items"/> from the token's offset, and the token of the page after it (null at the end).</summary>
    public static (IReadOnlyList<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> items, string? token, int maxResults)
    {
        var offset = Decode(token);
        if (offset > items.Count)
        {
            throw new StepFunctionsException("InvalidToken", $"Invalid Token: '{token}'");
        }

        var page = items.Skip(offset).Take(maxResults).ToList();
        var next = offset + page.Count;
        return (page, next < items.Count ? Encode(next) : null);
    }
}
