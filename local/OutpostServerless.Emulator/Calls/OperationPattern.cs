namespace OutpostServerless.Emulator.Calls;

/// <summary>
/// Which calls a fault applies to: one operation (<c>ecs:CreateService</c>), every operation of a service
/// (<c>ec2:*</c>) or every call (<c>*</c>).
/// </summary>
internal static class OperationPattern
{
    public const string All = "*";

    public static void Require(string pattern, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern, parameterName);
        var colon = pattern.IndexOf(':', StringComparison.Ordinal);
        if (pattern != All && (colon <= 0 || colon == pattern.Length - 1))
        {
            throw new ArgumentException(
                $"Operations '{pattern}' must be 'service:Operation' (e.g. 'ecs:CreateService'), 'service:*' or '*'.", parameterName);
        }
    }

    public static bool Matches(string pattern, string operation)
    {
        if (pattern == All)
        {
            return true;
        }

        return pattern.EndsWith(":*", StringComparison.Ordinal)
            ? operation.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, operation, StringComparison.Ordinal);
    }
}
