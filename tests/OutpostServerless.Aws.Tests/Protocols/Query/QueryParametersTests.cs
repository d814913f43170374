using OutpostServerless.Aws.Protocols.Query;

namespace OutpostServerless.Aws.Tests.Protocols.Query;

public sealed class QueryParametersTests
{
    [Fact]
    public void List_items_are_numbered_from_one_under_member()
    {
        var parameters = new QueryParameters().AddList("Tags", ["a", "b"], (q, prefix, key) => q.Add($"{prefix}.Key", key));

        Assert.Equal([new("Tags.member.1.Key", "a"), new("Tags.member.2.Key", "b")], parameters.Values);
    }

    [Fact]
    public void Unset_members_and_empty_lists_are_left_out()
    {
        var parameters = new QueryParameters().Add("Path", (string?)null).Add("MaxItems", (int?)null).AddStrings("Names", []);

        Assert.Empty(parameters.Values);
    }

    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    public void Booleans_are_lower_case(bool value, string text) =>
        Assert.Equal(text, new QueryParameters().Add("ReturnData", value).Values.Single().Value);

    [Theory]
    [InlineData("2025-01-06T12:00:00+00:00", "2025-01-06T12:00:00Z")]
    [InlineData("2025-01-06T13:00:00+01:00", "2025-01-06T12:00:00Z")]
    [InlineData("2025-01-06T12:00:00.250+00:00", "2025-01-06T12:00:00.250Z")]
    public void Timestamps_are_iso_8601_in_utc(string value, string text) =>
        Assert.Equal(text, QueryParameters.Timestamp(DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
}
