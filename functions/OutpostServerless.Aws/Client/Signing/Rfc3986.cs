using System.Text;

namespace OutpostServerless.Aws.Client.Signing;

/// <summary>
/// Percent-encoding as SigV4 and the AWS protocols define it: every byte of the UTF-8 form except
/// the unreserved characters <c>A-Z a-z 0-9 - _ . ~</c> becomes <c>%XY</c> with upper-case hex.
/// </summary>
public static class Rfc3986
{
    public static string Encode(string value, bool keepSlash = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (IsUnreserved(c) || (keepSlash && c == '/'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(Convert.ToHexString([b]));
            }
        }

        return builder.ToString();
    }

    private static bool IsUnreserved(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~';
}
