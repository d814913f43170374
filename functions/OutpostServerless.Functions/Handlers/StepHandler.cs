using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OutpostServerless.Functions.Errors;
using OutpostServerless.Provisioning;

namespace OutpostServerless.Functions.Handlers;

/// <summary>The whole of a step's handler: parse the input, run the step, serialize the output.</summary>
public sealed class StepHandler<TInput, TOutput>(IStep<TInput, TOutput> step, JsonTypeInfo<TInput> input, JsonTypeInfo<TOutput> output)
    : IFunctionHandler
{
    public async Task<string> HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var parsed = Parse(payload)
            ?? throw new MalformedEventException($"The event is null; {typeof(TInput).Name} expected.");
        var result = await step.RunAsync(parsed, cancellationToken);
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
