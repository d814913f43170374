namespace OutpostServerless.Emulator.Sam;

/// <summary>
/// <c>--parameter-overrides</c> as <c>sam</c> takes them: <c>Key=Value</c> items, or
/// <c>ParameterKey=Key,ParameterValue=Value</c>; a value may be quoted.
/// </summary>
public static class ParameterOverrides
{
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> items)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var (key, value) = item.StartsWith("ParameterKey=", StringComparison.Ordinal) && item.Split(",ParameterValue=", 2) is [var k, var v]
                ? (k["ParameterKey=".Length..], v)
                : item.IndexOf('=', StringComparison.Ordinal) is > 0 and var equals
                    ? (item[..equals], item[(equals + 1)..])
                    : throw new SamTemplateException("--parameter-overrides", $"'{item}' is not Key=Value");
            overrides[key] = value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
        }

        return overrides;
    }

    /// <summary>One line of <c>Key="Value" Key2=Value2</c> items (samconfig's <c>parameter_overrides</c>), split on the spaces outside quotes.</summary>
    public static IEnumerable<string> Split(string line)
    {
        var item = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var character in line)
        {
            if (character == '"')
            {
                quoted = !quoted;
            }

            if (char.IsWhiteSpace(character) && !quoted)
            {
                if (item.Length > 0)
                {
                    yield return item.ToString();
                    item.Clear();
                }
            }
            else
            {
                item.Append(character);
            }
        }

        if (item.Length > 0)
        {
            yield return item.ToString();
        }
    }
}
