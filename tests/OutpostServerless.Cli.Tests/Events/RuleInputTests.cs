using System.Text.Json.Nodes;
using OutpostServerless.Emulator.EventBridge;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.EventBridge;

namespace OutpostServerless.Cli.Tests.Events;

/// <summary>What a rule's target receives: the event, Input, InputPath or an InputTransformer's output.</summary>
public sealed class RuleInputTests
{
    private static readonly JsonObject Event = JsonNode.Parse("""
        {"version": "0", "id": "e-1", "detail-type": "EC2 Instance State-change Notification", "source": "aws.ec2",
         "account": "123456789012", "time": "2026-01-05T10:00:00Z", "region": "us-west-2",
         "resources": ["arn:aws:ec2:us-west-2:123456789012:instance/i-1", "arn:aws:ec2:us-west-2:123456789012:instance/i-2"],
         "detail": {"instance-id": "i-1", "state": "running", "count": 3, "tags": {"team": "web"}}}
        """)!.AsObject();

    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 1, TimeSpan.Zero);

    [Fact]
    public void Without_input_settings_the_target_receives_the_whole_event()
    {
        Assert.True(JsonNode.DeepEquals(Event, RuleInput.For(Rule(new SamTargetInput(null, null, null)), Event, Now)));
    }

    [Fact]
    public void Input_is_delivered_as_the_JSON_it_holds()
    {
        var input = RuleInput.For(Rule(new SamTargetInput("""{"provisioningId": "p-1"}""", null, null)), Event, Now);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"provisioningId": "p-1"}"""), input));
    }

    [Fact]
    public void InputPath_delivers_the_part_of_the_event_it_reaches()
    {
        var input = RuleInput.For(Rule(new SamTargetInput(null, "$.detail.tags", null)), Event, Now);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"team": "web"}"""), input));
    }

    [Fact]
    public void A_transformer_puts_strings_in_quotes_and_other_values_as_JSON_outside_string_literals()
    {
        var input = Transform(new() { ["id"] = "$.detail.instance-id", ["count"] = "$.detail.count", ["tags"] = "$.detail.tags" },
            """{"instance": <id>, "count": <count>, "tags": <tags>, "fixed": true}""");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"instance": "i-1", "count": 3, "tags": {"team": "web"}, "fixed": true}"""), input));
    }

    [Fact]
    public void A_transformer_puts_a_string_inside_a_string_literal_as_its_text()
    {
        var input = Transform(new() { ["id"] = "$.detail.instance-id", ["state"] = "$.detail.state" }, """{"message": "<id> is in state \"<state>\""}""");

        Assert.Equal("i-1 is in state \"running\"", input!["message"]!.GetValue<string>());
    }

    [Fact]
    public void A_transformer_fills_the_predefined_rule_and_event_variables()
    {
        var input = Transform([], """{"rule": <aws.events.rule-name>, "arn": <aws.events.rule-arn>, "event": <aws.events.event>, "full": <aws.events.event.json>}""");

        Assert.Equal("capacity", input!["rule"]!.GetValue<string>());
        Assert.Equal("arn:aws:events:us-west-2:123456789012:rule/capacity", input["arn"]!.GetValue<string>());
        Assert.Null(input["event"]!["detail"]);
        Assert.Equal("e-1", input["event"]!["id"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(Event, input["full"]));
    }

    [Fact]
    public void A_wildcard_path_gathers_what_it_reaches_into_a_list()
    {
        var input = Transform(new() { ["all"] = "$.resources[*]", ["first"] = "$.resources[0]" }, """{"all": <all>, "first": <first>}""");

        Assert.Equal(2, input!["all"]!.AsArray().Count);
        Assert.Equal("arn:aws:ec2:us-west-2:123456789012:instance/i-1", input["first"]!.GetValue<string>());
    }

    [Fact]
    public void A_variable_whose_path_reaches_nothing_is_left_out_of_a_string()
    {
        var input = Transform(new() { ["nothing"] = "$.detail.missing" }, """{"note": "value:<nothing>"}""");

        Assert.Equal("value:", input!["note"]!.GetValue<string>());
    }

    [Fact]
    public void A_transformer_whose_output_is_not_JSON_is_a_failed_delivery()
    {
        Assert.Throws<RuleInputException>(() => Transform(new() { ["nothing"] = "$.detail.missing" }, """{"value": <nothing>}"""));
    }

    [Fact]
    public void A_text_template_gives_the_text()
    {
        var input = Transform(new() { ["id"] = "$.detail.instance-id" }, "\"instance <id> changed\"");

        Assert.Equal("instance i-1 changed", input!.GetValue<string>());
    }

    [Fact]
    public void A_transformer_may_not_define_a_predefined_variable()
    {
        Assert.Throws<RuleInputException>(() => Transform(new() { ["aws.events.rule-name"] = "$.id" }, "{}"));
    }

    [Theory]
    [InlineData("detail.state")]
    [InlineData("$..state")]
    [InlineData("$.detail[?(@.state)]")]
    public void A_path_EventBridge_does_not_take_is_refused(string path)
    {
        Assert.Throws<RuleInputException>(() => EventPath.Parse(path));
    }

    private static JsonNode? Transform(Dictionary<string, string> paths, string template) =>
        RuleInput.For(Rule(new SamTargetInput(null, null, new SamInputTransformer(paths, template))), Event, Now);

    private static SamEventRule Rule(SamTargetInput input) => new(
        "Capacity", "capacity", "arn:aws:events:us-west-2:123456789012:rule/capacity", "default", true,
        new JsonObject { ["source"] = new JsonArray("aws.ec2") }, "Machine", input);
}
