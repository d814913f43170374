using System.Text.Json.Nodes;

namespace OutpostServerless.StateMachine.Tests.Support;

internal static class JsonAssert
{
    public static JsonNode? Parse(string text) => JsonNode.Parse(text);

    /// <summary>Asserts structural JSON equality, showing both texts on failure.</summary>
    public static void Equal(string expected, JsonNode? actual)
    {
        var want = JsonNode.Parse(expected);
        Assert.True(JsonNode.DeepEquals(want, actual), $"Expected {want?.ToJsonString() ?? "null"} but got {actual?.ToJsonString() ?? "null"}");
    }
}
