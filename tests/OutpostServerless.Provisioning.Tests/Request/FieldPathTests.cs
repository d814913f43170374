using System.Text.Json.Nodes;
using OutpostServerless.Provisioning.Request;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Request;

public sealed class FieldPathTests
{
    [Fact]
    public void Members_and_indexes_are_written_as_users_write_them()
    {
        Assert.Equal("network.ingress[1].cidr", FieldPath.Root.Member("network").Member("ingress").Index(1).Member("cidr").ToString());
    }

    [Fact]
    public void The_request_itself_is_the_root()
    {
        Assert.Equal("$", FieldPath.Root.ToString());
    }

    [Fact]
    public void A_JSON_pointer_becomes_a_path_with_array_indexes_told_from_digit_names()
    {
        var instance = JsonNode.Parse("""{ "network": { "ingress": [ {}, { "cidr": "x" } ] }, "tags": { "1": "one" } }""");

        Assert.Equal("network.ingress[1].cidr", FieldPath.FromPointer("/network/ingress/1/cidr", instance).ToString());
        Assert.Equal("tags[\"1\"]", FieldPath.FromPointer("/tags/1", instance).ToString());
    }

    [Fact]
    public void A_name_that_is_not_a_plain_word_is_quoted_and_escaped()
    {
        Assert.Equal("cluster.containerInstanceTags[\"cost center\\tA\"]", FieldPath.Root.Member("cluster").Member("containerInstanceTags").Member("cost center\tA").ToString());
    }

    [Fact]
    public void Pointer_escapes_are_undone()
    {
        Assert.Equal(["a/b", "c~d"], FieldPath.PointerSegments("/a~1b/c~0d"));
    }
}
