using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Paths;
using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>The JSONPath subset Step Functions evaluates (Jayway semantics).</summary>
public sealed class JsonPathTests
{
    private const string Document = """
        {"a":{"b":[{"id":1,"tag":"x"},{"id":2},{"id":3,"tag":"y"}]},"odd key":{"v":true},"n":null,"s":"text"}
        """;

    public static TheoryData<string, string> Selections => new()
    {
        { "$", Document },
        { "$.a.b[0].id", "1" },
        { "$['a']['b'][1]", """{"id":2}""" },
        { "$.a.b[-1].id", "3" },
        { "$['odd key'].v", "true" },
        { "$.n", "null" },
        { "$.a.b[*].id", "[1,2,3]" },
        { "$.a.b[*].tag", """["x","y"]""" },
        { "$.a.b[0,2].id", "[1,3]" },
        { "$.a.b[1:].id", "[2,3]" },
        { "$.a.b[:1].id", "[1]" },
        { "$..id", "[1,2,3]" },
        { "$.a.b[?(@.tag)].id", "[1,3]" },
        { "$.a.b[?(@.id >= 2)].id", "[2,3]" },
        { "$.a.b[?(@.tag == 'y')].id", "[3]" },
        { "$.a.b[*].missing", "[]" },
    };

    [Theory]
    [MemberData(nameof(Selections))]
    public void A_path_selects_what_Jayway_JSONPath_selects(string path, string expected)
    {
        Assert.True(JsonPath.Parse(path).TrySelect(JsonNode.Parse(Document), out var value));

        JsonAssert.Equal(expected, value);
    }

    [Theory]
    [InlineData("$.missing")]
    [InlineData("$.a.b[7]")]
    [InlineData("$.s.inner")]
    [InlineData("$.n.inner")]
    public void A_definite_path_to_nothing_selects_nothing(string path)
    {
        Assert.False(JsonPath.Parse(path).TrySelect(JsonNode.Parse(Document), out _));
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("$.a[")]
    [InlineData("$.a.")]
    [InlineData("$[abc]")]
    public void A_malformed_path_is_a_syntax_error(string path)
    {
        Assert.False(JsonPath.TryParse(path, out _, out var problem));
        Assert.Contains(path, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_path_writes_into_arrays_by_index_and_creates_objects_by_name()
    {
        var root = JsonNode.Parse("""{"list":[{"a":1},{"a":2}]}""");

        Assert.True(JsonPath.Parse("$.list[1].b.c").TrySet(root, JsonValue.Create(9), out var result));

        JsonAssert.Equal("""{"list":[{"a":1},{"a":2,"b":{"c":9}}]}""", result);
    }

    [Fact]
    public void A_reference_path_cannot_write_past_the_end_of_an_array()
    {
        Assert.False(JsonPath.Parse("$.list[5]").TrySet(JsonNode.Parse("""{"list":[]}"""), JsonValue.Create(1), out _));
    }
}
