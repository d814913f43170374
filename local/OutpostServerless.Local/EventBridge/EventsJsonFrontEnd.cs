using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Emulator.Wire.Http;
using OutpostServerless.Emulator.Wire.Protocols;
using OutpostServerless.Local.StepFunctions;

namespace OutpostServerless.Local.EventBridge;

/// <summary>
/// Amazon EventBridge's PutEvents over awsJson1_1 (<c>X-Amz-Target: AWSEvents.PutEvents</c>) on the default bus
/// of the template: each entry is matched against the template's rules, and a matching rule starts its state
/// machine or invokes its function (<see cref="EventDelivery"/>). As EventBridge answers, a bad entry fails alone: its result carries
/// <c>ErrorCode</c>/<c>ErrorMessage</c> and counts in <c>FailedEntryCount</c>; the others get an <c>EventId</c>.
/// </summary>
internal sealed class EventsJsonFrontEnd(SamTemplate template, LocalEventBus bus, LocalStepFunctions stepFunctions)
    : AwsJsonFrontEnd("events", "AWSEvents", "1.1", "EventBridge")
{
    private const string DefaultBus = "default";

    protected override async Task<byte[]?> InvokeAsync(string operation, WireRequest request, CancellationToken cancellationToken)
    {
        if (operation != "PutEvents")
        {
            return null;
        }

        var entries = RequestMembers.Parse(request, "events").Body["Entries"] as JsonArray ?? [];
        var results = new JsonArray();
        var failed = 0;
        foreach (var entry in entries)
        {
            var result = await PutAsync(entry as JsonObject ?? [], cancellationToken);
            failed += result.ContainsKey("ErrorCode") ? 1 : 0;
            results.Add(result);
        }

        var answer = new JsonObject { ["FailedEntryCount"] = failed, ["Entries"] = results };
        return Encoding.UTF8.GetBytes(WireJson.Text(answer));
    }

    private async Task<JsonObject> PutAsync(JsonObject entry, CancellationToken cancellationToken)
    {
        var busName = entry["EventBusName"]?.GetValue<string>() ?? DefaultBus;
        if (busName != DefaultBus && busName != $"arn:aws:events:{template.Environment.Region}:{template.Environment.AccountId}:event-bus/{DefaultBus}")
        {
            return Failure("ResourceNotFoundException", $"Event bus {busName} does not exist.");
        }

        var local = entry.DeepClone().AsObject();
        // awsJson sends Time as epoch seconds; the event carries it as EventBridge writes it, ISO 8601.
        if (local["Time"] is JsonValue time && time.GetValueKind() == JsonValueKind.Number)
        {
            local["Time"] = DateTimeOffset.FromUnixTimeMilliseconds((long)(time.GetValue<double>() * 1000)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        JsonObject @event;
        try
        {
            @event = EventEnvelope.Read("PutEvents", new JsonArray(local), template.Environment, stepFunctions.Clock.GetUtcNow())[0];
        }
        catch (EventFileException invalid)
        {
            return Failure(invalid.Message.Contains("Detail", StringComparison.Ordinal) ? "MalformedDetail" : "InvalidArgument", invalid.Message);
        }

        await EventDelivery.DeliverAsync(template, bus, stepFunctions, @event, cancellationToken);
        return new JsonObject { ["EventId"] = @event["id"]!.GetValue<string>() };
    }

    private static JsonObject Failure(string code, string message) => new() { ["ErrorCode"] = code, ["ErrorMessage"] = message };
}
