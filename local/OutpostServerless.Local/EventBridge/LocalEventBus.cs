using System.Text.Json.Nodes;
using OutpostServerless.Emulator.EventBridge;
using OutpostServerless.Emulator.Sam;

namespace OutpostServerless.Local.EventBridge;

/// <summary>
/// The default event bus of the local stack: the template's enabled rules on it, their patterns checked
/// when the bus is made (an invalid pattern names its rule), and for each event the rules it matches
/// with the input each rule's target receives.
/// </summary>
public sealed class LocalEventBus
{
    private const string DefaultBus = "default";

    private readonly IReadOnlyList<(SamEventRule Rule, EventPattern Pattern)> rules;

    public LocalEventBus(SamTemplate template)
    {
        rules = [.. template.EventRules.Where(r => r.Enabled && r.EventBusName == DefaultBus).Select(r => (r, Compile(r)))];
    }

    public IReadOnlyList<SamEventRule> Rules => [.. rules.Select(r => r.Rule)];

    /// <summary>The rules <paramref name="event"/> matches, in template order, each with its target's input (or why there is none).</summary>
    public IReadOnlyList<RuleMatch> Match(JsonObject @event, DateTimeOffset ingestionTime)
    {
        var matches = new List<RuleMatch>();
        foreach (var (rule, pattern) in rules.Where(r => r.Pattern.Matches(@event)))
        {
            try
            {
                matches.Add(new RuleMatch(rule, RuleInput.For(rule, @event, ingestionTime), null));
            }
            catch (RuleInputException failed)
            {
                matches.Add(new RuleMatch(rule, null, failed.Message));
            }
        }

        return matches;
    }

    private static EventPattern Compile(SamEventRule rule)
    {
        try
        {
            return EventPattern.Parse(rule.Pattern);
        }
        catch (EventPatternException invalid)
        {
            throw new SamTemplateException("template.yaml", $"rule {rule.LogicalId}: {invalid.Message}");
        }
    }
}

/// <summary>A rule an event matched: the input its target receives, or why the delivery failed (<see cref="InputProblem"/>).</summary>
public sealed record RuleMatch(SamEventRule Rule, JsonNode? Input, string? InputProblem);
