using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.EventBridge;

namespace OutpostServerless.Cli.Tests.Events;

/// <summary>Event files: delivered events, PutEvents entries, lists of them, and what EventBridge adds.</summary>
public sealed class EventEnvelopeTests
{
    private static readonly SamEnvironment Environment = new("us-west-2", "123456789012");
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_PutEvents_entry_becomes_the_event_a_rule_sees()
    {
        var events = Read("""{"Entries": [{"Source": "custom.app", "DetailType": "Thing Happened", "Detail": "{\"n\": 1}", "Resources": ["arn:x"]}]}""");

        var @event = Assert.Single(events);
        Assert.Equal(("custom.app", "Thing Happened", 1), (@event["source"]!.GetValue<string>(), @event["detail-type"]!.GetValue<string>(), @event["detail"]!["n"]!.GetValue<int>()));
        Assert.Equal("arn:x", @event["resources"]![0]!.GetValue<string>());
    }

    [Fact]
    public void What_EventBridge_adds_is_added_when_missing()
    {
        var @event = Assert.Single(Read("""{"source": "custom.app", "detail-type": "Thing Happened"}"""));

        Assert.Equal(("0", "123456789012", "us-west-2", "2026-01-05T10:00:00Z"),
            (@event["version"]!.GetValue<string>(), @event["account"]!.GetValue<string>(), @event["region"]!.GetValue<string>(), @event["time"]!.GetValue<string>()));
        Assert.NotNull(@event["id"]);
        Assert.Empty(@event["resources"]!.AsArray());
    }

    [Fact]
    public void A_list_holds_several_events_in_order()
    {
        var events = Read("""[{"source": "a", "detail-type": "x"}, {"Source": "b", "DetailType": "y", "Detail": "{}"}]""");

        Assert.Equal(["a", "b"], events.Select(e => e["source"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""{"detail-type": "x"}""")]
    [InlineData("""{"source": "", "detail-type": "x"}""")]
    [InlineData("""{"Source": "a", "DetailType": "x", "Detail": "not json"}""")]
    [InlineData("""[]""")]
    [InlineData("""42""")]
    public void A_file_EventBridge_would_not_accept_is_refused(string content)
    {
        Assert.Throws<EventFileException>(() => Read(content));
    }

    private static IReadOnlyList<JsonObject> Read(string json) => EventEnvelope.Read("events.json", JsonNode.Parse(json), Environment, Now);
}
