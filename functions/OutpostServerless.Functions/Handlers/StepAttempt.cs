using System.Text.Json;

namespace OutpostServerless.Functions.Handlers;

/// <summary>
/// What the state machine adds to every Task's payload beside the step's own input:
/// <c>"retryCount.$": "$$.State.RetryCount"</c> (Lambda itself never tells a function which attempt it is).
/// </summary>
public sealed record StepAttempt(int? RetryCount)
{
    /// <summary>The payload's retry count; null when it has none (or not as a whole number).</summary>
    public static int? RetryCountOf(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, JsonContext.Default.StepAttempt)?.RetryCount;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
