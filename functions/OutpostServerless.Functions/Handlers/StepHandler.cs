using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OutpostServerless.Functions.Errors;
using OutpostServerless.Provisioning;
using OutpostServerless.Provisioning.Steps;

namespace OutpostServerless.Functions.Handlers;

/// <summary>The whole of a step's handler: parse the input, run the step, serialize the output.</summary>
public sealed class StepHandler<TInput, TOutput>(IStep<TInput, TOutput> step, JsonTypeInfo<TInput> input, JsonTypeInfo<TOutput> output)
    : IFunctionHandler
{
    public async Task<string> HandleAsync(string payload, InvocationNotes notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var parsed = Parse(payload)
            ?? throw new MalformedEventException($"The event is null; {typeof(TInput).Name} expected.");
        notes.ProvisioningId = (parsed as IProvisioningEvent)?.ProvisioningId;
        notes.RetryCount = StepAttempt.RetryCountOf(payload);
        var result = await step.RunAsync(parsed, cancellationToken);
        notes.CapacityWaitSeconds = (result as ICapacityWaitReport)?.WaitedSeconds;
        return JsonSerializer.Serialize(result, output);
    }

    private TInput? Parse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, input);
        }
        catch (JsonException malformed)
        {
            throw new MalformedEventException($"The event is not a {typeof(TInput).Name}: {malformed.Message}", malformed);
        }
    }
}
