using System.Globalization;

namespace OutpostServerless.Emulator.Ec2;

/// <summary>MaxResults/NextToken over a Describe* result.</summary>
internal static class Ec2Paging
{
    public static (List<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> items, int? maxResults, string? nextToken)
    {
        var start = 0;
        if (!string.IsNullOrEmpty(nextToken)
            && (!int.TryParse(nextToken, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start > items.Count))
        {
            throw Ec2Errors.Error(Ec2Errors.InvalidNextToken, $"The token '{nextToken}' is invalid");
        }

        if (maxResults is null)
        {
            return ([.. items.Skip(start)], null);
        }

        if (maxResults is < 5 or > 1000)
        {
            throw Ec2Errors.InvalidValue($"Value ( {maxResults} ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.");
        }

        var page = items.Skip(start).Take(maxResults.Value).ToList();
        var end = start + page.Count;
        return (page, end < items.Count ? end.ToString(CultureInfo.InvariantCulture) : null);
    }
}
