using System.Text.Json.Nodes;

namespace OutpostServerless.Cli.Tests.Chaos;

/// <summary>A request broken in one known place: <see cref="Field"/> is where (<c>$</c> for the whole request), <see cref="How"/> says how.</summary>
internal sealed record MalformedRequest(string How, string Field, JsonNode? Request)
{
    public override string ToString()
    {
        var text = Request?.ToJsonString() ?? "null";
        return $"{How} at {Field}: {(text.Length > 300 ? text[..300] + "…" : text)}";
    }
}
